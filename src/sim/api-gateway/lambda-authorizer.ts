// Lambda authorizers (TOKEN and REQUEST): API Gateway reads the identity source (a header; for REQUEST also
// query-string values), refuses with 401 without calling the function when one is missing (or, for TOKEN, when
// the token fails the validation expression) [V BOTO CreateAuthorizer identitySource and
// identityValidationExpression docs], else invokes the function (a nested call to Lambda) and evaluates the
// IAM policy it returns against this method's ARN. The policy is cached for the authorizer's TTL under the
// identity source's values [V BOTO authorizerResultTtlInSeconds]: a second call with the same token within the
// TTL does not invoke the function, and the cached policy is evaluated against the new method's ARN — which is
// why a policy naming one exact method ARN refuses the caller's next, different method until the cache
// expires [P: a well-known pitfall; AWS's blueprint returns the exact methodArn].
// The function throwing "Unauthorized" → 401; any other failure, or an answer that is not a policy → 500
// {"message": null} [P]; Deny → 403 "…with an explicit deny"; no matching Allow → 403 [P].
import type { ServiceContext } from '../core/router';
import type { AuthorizerCheck } from '../core/trace-types';
import { evaluate } from '../iam/evaluate';
import type { PolicyDocument } from '../iam/types';
import { invokeFunction } from '../lambda/invoke';
import type { Authorization, CachedDecision, GatewayEnv } from './env';
import { requestAuthorizerEvent, type RestProxyEvent } from './events';
import type { LambdaAuthorizer } from './model';
import { REST_ERRORS, type GatewayError } from './responses';

type Decision = Omit<CachedDecision, 'storedAt' | 'expiresAt'>;

/** The function's answer as an authorizer decision, or why it is not one. */
function readDecision(payload: unknown): Decision | string {
  const answer = (payload ?? {}) as { principalId?: unknown; policyDocument?: unknown; context?: unknown };
  if (typeof answer.principalId !== 'string') return 'the answer has no principalId';
  const document = answer.policyDocument as { Statement?: unknown } | undefined;
  if (typeof document !== 'object' || document === null || document.Statement === undefined) return 'the answer has no policyDocument with a Statement';
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries((answer.context ?? {}) as Record<string, unknown>)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return `context.${key} is not a string, number or boolean (API Gateway refuses nested context values)`;
    context[key] = String(value);
  }
  return { principalId: answer.principalId, policyDocument: document, context };
}

export async function lambdaAuthorize(env: GatewayEnv, call: ServiceContext, authorizer: LambdaAuthorizer, methodArn: string, event: RestProxyEvent): Promise<Authorization> {
  const checks: AuthorizerCheck[] = [];
  const finish = (outcome: 'allowed' | 'unauthorized' | 'forbidden' | 'error', summary: string, extra: { cached?: boolean; principalId?: string } = {}) =>
    call.note({ kind: 'authorizer', summary, authorizer: authorizer.type, name: authorizer.name, outcome, checks, ...extra });
  const refuse = (error: GatewayError, outcome: 'unauthorized' | 'forbidden' | 'error', summary: string, extra: { cached?: boolean; principalId?: string } = {}): Authorization => {
    finish(outcome, summary, extra);
    return { ok: false, error };
  };

  const values: string[] = [];
  for (const source of authorizer.sources) {
    const value = source.location === 'header' ? call.headers.get(source.name) : call.url.searchParams.get(source.name);
    if (value === null || value === '') {
      checks.push({ check: `identity source ${source.expression}`, passed: false, detail: 'missing or empty' });
      return refuse(REST_ERRORS.unauthorized(), 'unauthorized', `The identity source ${source.expression} is missing, so API Gateway answers 401 without invoking ${authorizer.functionName}.`);
    }
    values.push(value);
  }
  if (authorizer.sources.length > 0) checks.push({ check: 'identity source present', passed: true, detail: authorizer.sources.map((s) => s.expression).join(', ') });
  const token = values[0] ?? '';
  if (authorizer.type === 'TOKEN' && authorizer.validation && !authorizer.validation.test(token)) {
    checks.push({ check: 'token validation expression', passed: false, detail: `does not match ${authorizer.validation.source}` });
    return refuse(REST_ERRORS.unauthorized(), 'unauthorized', `The token does not match the validation expression, so API Gateway answers 401 without invoking ${authorizer.functionName}.`);
  }

  const cacheKey = authorizer.ttlMs > 0 && values.length > 0 ? `${authorizer.name}\u0000${values.join('\u0000')}` : undefined;
  const cached = cacheKey ? env.decisions.get(cacheKey) : undefined;
  let decision: Decision;
  const fromCache = cached !== undefined && cached.expiresAt > call.now;
  if (fromCache) {
    decision = cached;
    checks.push({ check: 'authorizer cache', passed: true, detail: `decision cached at ${new Date(cached.storedAt).toISOString()}, valid until ${new Date(cached.expiresAt).toISOString()}: ${authorizer.functionName} is not invoked` });
  } else {
    if (cacheKey) checks.push({ check: 'authorizer cache', passed: false, detail: 'no cached decision for this identity source: the function is invoked' });
    const authorizerEvent = authorizer.type === 'TOKEN' ? { type: 'TOKEN', methodArn, authorizationToken: token } : requestAuthorizerEvent(event, methodArn);
    const outcome = await invokeFunction(call, env.region, authorizer.functionName, authorizerEvent);
    if (outcome.kind === 'function-error' && outcome.errorMessage === 'Unauthorized') {
      checks.push({ check: `${authorizer.functionName} decision`, passed: false, detail: 'the function answered "Unauthorized"' });
      return refuse(REST_ERRORS.unauthorized(), 'unauthorized', `${authorizer.functionName} threw "Unauthorized": API Gateway answers 401.`);
    }
    const read = outcome.kind === 'result' ? readDecision(outcome.payload) : outcome.kind === 'function-error' ? `the function failed: ${outcome.errorType}: ${outcome.errorMessage}` : `Invoke failed with ${outcome.status}`;
    if (typeof read === 'string') {
      checks.push({ check: `${authorizer.functionName} decision`, passed: false, detail: read });
      return refuse(REST_ERRORS.authorizerConfiguration(), 'error', `The authorizer gave no usable answer (${read}): API Gateway answers 500.`);
    }
    decision = read;
    if (cacheKey) env.decisions.set(cacheKey, { ...decision, storedAt: call.now, expiresAt: call.now + authorizer.ttlMs });
  }

  const evaluation = evaluate({
    identityPolicies: [{ name: `${authorizer.name} policy for ${decision.principalId}`, document: decision.policyDocument as PolicyDocument }],
    request: { action: 'execute-api:Invoke', resource: methodArn, context: {} },
  });
  call.note({ kind: 'policy', summary: `The policy ${fromCache ? 'from the authorizer cache' : `${authorizer.functionName} returned`}, evaluated for ${methodArn}: ${evaluation.reason}`, evaluation, principalArn: decision.principalId });
  checks.push({ check: 'policy allows execute-api:Invoke on this method', passed: evaluation.decision === 'Allow', detail: evaluation.decision });
  const extra = { cached: fromCache, principalId: decision.principalId };
  if (evaluation.decision === 'ExplicitDeny') return refuse(REST_ERRORS.explicitDeny(), 'forbidden', `The policy for ${decision.principalId} denies this method explicitly: 403.`, extra);
  if (evaluation.decision !== 'Allow') return refuse(REST_ERRORS.implicitDeny(), 'forbidden', `The policy for ${decision.principalId} does not allow ${methodArn}: 403.`, extra);
  finish('allowed', `${fromCache ? 'A cached decision' : authorizer.functionName} allows ${decision.principalId} to call this method; its context goes to the integration in requestContext.authorizer.`, extra);
  return { ok: true, authorizer: { principalId: decision.principalId, integrationLatency: 0, ...decision.context } };
}
