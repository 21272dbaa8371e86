// The Lambda functions behind an API Gateway request, each with the event it received and what it answered:
// for an integration, the proxy event with its claims, authorizer context and IAM caller drawn out first;
// for a Lambda authorizer, the token or request it was shown and the policy it returned.
import { useId } from 'react';
import { explainClaim } from './claim-explanations';
import { BodyView, HeadersTable } from './http-parts';
import { authorizerAnswer, isObject, proxyAnswer, type AuthorizerCall, type IntegrationCall, type Invocation } from './lambda-invocations';
import { claimReading, contextReading, identityReading, proxyEventParts } from './proxy-event';
import { Fact, ValuesTable, type ValueRow } from './gateway-parts';
import { statusLine } from './reason-phrases';

const CLAIMS_ARE_STRINGS = {
  '1.0': 'Every value is a string, numbers, booleans and dates included, and cognito:groups is one comma-separated string: split it before checking for a group.',
  '2.0': 'Every value is a string, numbers included, and a list such as cognito:groups is one string written as [a b]: parse it before checking for a group.',
};

function WholeEvent({ body }: { body: string | undefined }) {
  return (
    <details className="gateway__event">
      <summary>The whole event (JSON)</summary>
      <BodyView label="Event" body={body} />
    </details>
  );
}

function FunctionFailed({ call }: { call: Invocation }) {
  if (!call.error) return null;
  return (
    <p className="gateway__outcome gateway__outcome--error">
      <span aria-hidden="true">⚠ </span>
      <strong>The function failed</strong> — {call.error.errorType}: {call.error.errorMessage}
    </p>
  );
}

function IntegrationCard({ call }: { call: IntegrationCall }) {
  const headingId = useId();
  const answerId = useId();
  const parts = proxyEventParts(call.event);
  const answer = proxyAnswer(call.result);
  const claimRows: ValueRow[] = parts.claims
    ? Object.entries(parts.claims.values).map(([name, value]) => ({ name, value, reading: claimReading(name, value), explanation: explainClaim(name) }))
    : [];
  return (
    <article className="gateway-card gateway-card--lambda" aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        Event {call.functionName} received
      </h3>
      <p className="muted gateway__where">
        Payload format {parts.version} ({parts.version === '2.0' ? 'HTTP API' : 'REST API proxy'} event){parts.route !== undefined && <>, route <code>{parts.route}</code></>}
      </p>
      {parts.claims ? (
        <>
          <p className="gateway__strings">{CLAIMS_ARE_STRINGS[parts.version]}</p>
          <ValuesTable caption={`Claims in ${parts.claims.path} (${claimRows.length})`} nameHeader="Claim" rows={claimRows} />
        </>
      ) : null}
      {parts.scopes && (
        <p>
          Scopes in <code>requestContext.authorizer.jwt.scopes</code>: {parts.scopes.map((s, i) => <code key={s}>{i > 0 ? `, ${s}` : s}</code>)}
        </p>
      )}
      {parts.authorizerContext && (
        <>
          <p className="gateway__strings">The Lambda authorizer’s principalId and context, as the function received them: the context’s values arrive as strings (a boolean true becomes "true"); integrationLatency is a number API Gateway adds.</p>
          <ValuesTable caption={`Authorizer context in ${parts.authorizerContext.path}`} nameHeader="Key" rows={Object.entries(parts.authorizerContext.values).map(([name, value]) => ({ name, value }))} />
        </>
      )}
      {parts.identity ? (
        <ValuesTable
          caption="IAM caller in requestContext.identity"
          nameHeader="Field"
          rows={Object.entries(parts.identity).map(([name, value]) => ({ name, value, reading: identityReading(name, value) }))}
        />
      ) : (
        !parts.claims && !parts.authorizerContext && <p className="muted">No caller in the event: the method ran no authorizer that passes one on.</p>
      )}
      <h4 id={answerId} className="inspector__heading">
        The function’s answer
      </h4>
      <FunctionFailed call={call} />
      {answer && (
        <section aria-labelledby={answerId}>
          <dl className="note__facts">
            <Fact term="statusCode">{answer.statusCode !== undefined ? <code>{statusLine(answer.statusCode)}</code> : <span className="muted">missing: API Gateway answers 502</span>}</Fact>
          </dl>
          <BodyView label="body" body={answer.body} />
        </section>
      )}
      <WholeEvent body={call.source.request.body} />
    </article>
  );
}

function AuthorizerCallCard({ call }: { call: AuthorizerCall }) {
  const headingId = useId();
  const policyId = useId();
  const answer = authorizerAnswer(call.result);
  const headers = isObject(call.event.headers) ? call.event.headers : undefined;
  const query = isObject(call.event.queryStringParameters) ? call.event.queryStringParameters : undefined;
  return (
    <article className="gateway-card gateway-card--lambda" aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        Event {call.functionName} received ({call.type} authorizer)
      </h3>
      <dl className="note__facts">
        <Fact term="type">
          <code>{call.type}</code>
        </Fact>
        {call.methodArn !== undefined && (
          <Fact term="methodArn">
            <code>{call.methodArn}</code>
          </Fact>
        )}
        {call.token !== undefined && (
          <Fact term="authorizationToken">
            <code>{call.token}</code>
          </Fact>
        )}
      </dl>
      {call.type === 'REQUEST' && headers && <HeadersTable caption="Headers it received" headers={Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]))} />}
      {call.type === 'REQUEST' && query && <HeadersTable caption="Query string it received" headers={Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))} />}
      <h4 id={policyId} className="inspector__heading">
        The policy it returned
      </h4>
      <FunctionFailed call={call} />
      {call.error?.errorMessage === 'Unauthorized' && <p>Throwing “Unauthorized” is how an authorizer says “no valid token”: API Gateway answers 401.</p>}
      {answer && (
        <section aria-labelledby={policyId}>
          <dl className="note__facts">
            <Fact term="principalId">{answer.principalId !== undefined ? <code>{answer.principalId}</code> : <span className="muted">missing: API Gateway answers 500</span>}</Fact>
          </dl>
          <ul className="gateway__statements">
            {answer.statements.map((s, i) => (
              <li key={i}>
                <strong className={s.effect === 'Deny' ? 'statement__effect--deny' : 'statement__effect--allow'}>{s.effect}</strong> <code>{s.actions.join(', ')}</code> on <code>{s.resources.join(', ')}</code>
              </li>
            ))}
            {answer.statements.length === 0 && <li className="muted">No statement: API Gateway answers 500.</li>}
          </ul>
          {answer.context && <ValuesTable caption="Context it returned" nameHeader="Key" rows={Object.entries(answer.context).map(([name, value]) => ({ name, value, reading: contextReading(value) }))} />}
        </section>
      )}
      <WholeEvent body={call.source.request.body} />
    </article>
  );
}

export function InvocationCard({ call }: { call: Invocation }) {
  return call.role === 'authorizer' ? <AuthorizerCallCard call={call} /> : <IntegrationCard call={call} />;
}
