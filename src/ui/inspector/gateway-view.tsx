// The Gateway tab: one API Gateway request as API Gateway handled it — the route and stage it matched, the
// throttling and gateway response when API Gateway answered by itself, the authorizer that ran with each
// check it made, and the Lambda functions it invoked with the events they received and what they answered.
import { useId, useMemo } from 'react';
import type { Exchange } from '../../sim/index';
import { notesOfKind } from './aws-notes';
import { AuthorizerCard } from './gateway-authorizer-card';
import { InvocationCard } from './gateway-invocations';
import { Fact } from './gateway-parts';
import { gatewayAnswer, gatewayRoute, isGatewayExchange, throttlingOf } from './gateway-route';
import { findInvocations } from './lambda-invocations';
import { statusLine } from './reason-phrases';

function RouteFacts({ exchange }: { exchange: Exchange }) {
  const headingId = useId();
  const route = gatewayRoute(exchange);
  const answer = gatewayAnswer(exchange);
  const throttling = throttlingOf(exchange);
  return (
    <section aria-labelledby={headingId} className="gateway__route">
      <h3 id={headingId} className="inspector__heading">
        Route
      </h3>
      <dl className="note__facts">
        <Fact term="API">
          {route.api === 'REST' ? 'REST API' : 'HTTP API'}
          {route.apiId !== undefined && (
            <>
              {' '}
              <code>{route.apiId}</code>
            </>
          )}
          {route.region !== undefined && <span className="muted"> in {route.region}</span>}
        </Fact>
        <Fact term="Route">
          {route.resource !== undefined ? (
            <code>
              {route.method} {route.resource}
            </code>
          ) : (
            <span>
              none matched <code>{`${route.method} ${route.path}`}</code>
            </span>
          )}
        </Fact>
        <Fact term="Stage">{route.stage !== undefined ? <code>{route.stage}</code> : <span className="muted">none</span>}</Fact>
        {throttling !== undefined && <Fact term="Throttling">{throttling}</Fact>}
        <Fact term="Answer">
          <code>{statusLine(exchange.response.status)}</code>
          {answer !== undefined && <span className="muted">{answer.by === 'gateway' ? ' from API Gateway itself' : ' from the integration'}</span>}
        </Fact>
      </dl>
      {answer !== undefined && (
        <p className={`gateway__answer gateway__answer--${answer.by}`}>
          <strong>
            {answer.status} {answer.title}
          </strong>
          {answer.by === 'gateway' && <span> (gateway response {[answer.responseType, answer.errorType].filter(Boolean).join(', ') || 'by API Gateway'})</span>}: {answer.text}
        </p>
      )}
    </section>
  );
}

function NoAuthorizer({ exchange }: { exchange: Exchange }) {
  const status = exchange.response.status;
  const text =
    status === 429
      ? 'No authorizer ran: API Gateway throttled the request first.'
      : gatewayRoute(exchange).resource === undefined
        ? 'No authorizer ran: no route matched, so there was no method to authorize.'
        : 'No authorizer decision was recorded for this request.';
  return <p className="gateway__none">{text}</p>;
}

/** What API Gateway handed the request to, from the notes it recorded (Lambda proxy, mock, DynamoDB…). */
function IntegrationNotes({ exchange, nested, hasLambda }: { exchange: Exchange; nested: readonly Exchange[]; hasLambda: boolean }) {
  const headingId = useId();
  const throttling = throttlingOf(exchange);
  const notes = exchange.notes.filter((n) => n.kind === 'info' && n.summary !== throttling && /integration/i.test(n.summary)).map((n) => n.summary);
  const serviceCalls = nested.filter((x) => x.to === 'dynamodb');
  if (notes.length === 0 && serviceCalls.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="gateway__integration">
      <h3 id={headingId} className="inspector__heading">
        Integration
      </h3>
      <ul className="gateway__notes">
        {notes.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
        {!hasLambda && serviceCalls.length > 0 && (
          <li>
            No Lambda function: API Gateway called DynamoDB itself ({serviceCalls.map((x) => x.operation).join(', ')}), signed with its integration role. The Items tab shows what came back.
          </li>
        )}
      </ul>
    </section>
  );
}

export function GatewayView({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const authorizers = notesOfKind('authorizer', exchange, nested);
  const invocations = useMemo(() => findInvocations(nested), [nested]);
  const gateway = isGatewayExchange(exchange) ? exchange : authorizers.find((a) => isGatewayExchange(a.source))?.source;
  const integrations = invocations.filter((c) => c.role === 'integration');
  return (
    <div className="gateway">
      {gateway && <RouteFacts exchange={gateway} />}
      {authorizers.length === 0 ? <NoAuthorizer exchange={exchange} /> : authorizers.map(({ note, source }, i) => <AuthorizerCard key={`${source.id}-${i}`} note={note} />)}
      {invocations
        .filter((c) => c.role === 'authorizer')
        .map((call) => (
          <InvocationCard key={call.source.id} call={call} />
        ))}
      <IntegrationNotes exchange={gateway ?? exchange} nested={nested} hasLambda={integrations.length > 0} />
      {integrations.map((call) => (
        <InvocationCard key={call.source.id} call={call} />
      ))}
    </div>
  );
}
