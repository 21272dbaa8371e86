// The HTTP tab: the request and the response exactly as they crossed the wire, then the calls this
// service made to others while handling it (API Gateway asking Lambda…), each folded away.
import { useId } from 'react';
import type { Exchange, RecordedRequest, RecordedResponse } from '../../sim/index';
import { BodyView, HeadersTable } from './http-parts';
import { PasswordTravelNote } from './password-travel-note';
import { childrenOf, nestedRoots } from './nested-calls';
import { OUTCOME_WORDS, statusLine, statusOutcome } from './reason-phrases';

type Level = 3 | 4 | 5;

function Heading({ level, id, children }: { level: Level; id: string; children: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className="inspector__heading">
      {children}
    </Tag>
  );
}

function RequestView({ request, level }: { request: RecordedRequest; level: Level }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="inspector__message">
      <Heading level={level} id={id}>
        Request
      </Heading>
      <p className="inspector__request-line">
        <code>
          <span className="inspector__method">{request.method}</span> {request.url}
        </code>
      </p>
      <HeadersTable caption="Request headers" headers={request.headers} />
      <BodyView label="Request body" body={request.body} />
      <PasswordTravelNote request={request} />
    </section>
  );
}

function ResponseView({ response, level }: { response: RecordedResponse; level: Level }) {
  const id = useId();
  const outcome = statusOutcome(response.status);
  return (
    <section aria-labelledby={id} className="inspector__message">
      <Heading level={level} id={id}>
        Response
      </Heading>
      <p className={`inspector__status inspector__status--${outcome}`}>
        <strong>{statusLine(response.status)}</strong> <span className="inspector__outcome">({OUTCOME_WORDS[outcome]})</span>
      </p>
      <HeadersTable caption="Response headers" headers={response.headers} />
      <BodyView label="Response body" body={response.body} />
    </section>
  );
}

function NestedList({ items, all, level }: { items: readonly Exchange[]; all: readonly Exchange[]; level: Level }) {
  return (
    <ul className="inspector__nested">
      {items.map((x) => {
        const children = childrenOf(x, all);
        const next = Math.min(level + 1, 5) as Level;
        return (
          <li key={x.id}>
            <details className="inspector__call">
              <summary>
                <span className="inspector__call-route">
                  {x.from} → {x.to}
                </span>{' '}
                <strong>{x.operation}</strong>{' '}
                <span className={`inspector__status inspector__status--${statusOutcome(x.response.status)}`}>{statusLine(x.response.status)}</span>
              </summary>
              <RequestView request={x.request} level={level} />
              <ResponseView response={x.response} level={level} />
              {children.length > 0 && <NestedList items={children} all={all} level={next} />}
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function HttpView({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const callsId = useId();
  return (
    <div className="http">
      <RequestView request={exchange.request} level={3} />
      <ResponseView response={exchange.response} level={3} />
      {nested.length > 0 && (
        <section aria-labelledby={callsId} className="inspector__calls">
          <Heading level={3} id={callsId}>
            {`Calls this service made (${nested.length})`}
          </Heading>
          <NestedList items={nestedRoots(nested)} all={nested} level={4} />
        </section>
      )}
    </div>
  );
}
