// AWS_IAM method authorization: the caller signs with SigV4 for the service execute-api, and API Gateway
// checks the signature with a 5-minute clock skew (not the 15 minutes of most services) [V DYN; ISS
// mhart/aws4#118], then asks IAM whether the caller may execute-api:Invoke the method's ARN. Every refusal is
// a 403 with a JSON body; IAM's own refusal writes "Message" with a capital M (§8.2). The integration then
// learns who called in requestContext.identity, Cognito identity fields included for identity-pool credentials.
import { fromHex, toBase64 } from '../../lib/encoding';
import { sha256Hex } from '../../lib/sigv4/canonical';
import type { CredentialRecord } from '../core/credentials';
import { isAwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import { checkSignature } from '../sigv4/check';
import type { Authorization, CallerIdentity, GatewayEnv } from './env';
import { REST_ERRORS } from './responses';

export const EXECUTE_API_MAX_SKEW_MS = 5 * 60 * 1000;

/** What an integration learns about an IAM caller (requestContext.identity). */
export function callerIdentity(env: GatewayEnv, caller: CredentialRecord): CallerIdentity {
  const session = caller.session;
  const context = session?.context ?? {};
  const amr = context['cognito-identity.amazonaws.com:amr'];
  const amrList = Array.isArray(amr) ? amr : typeof amr === 'string' ? [amr] : [];
  const one = (key: string) => {
    const value = context[key];
    return typeof value === 'string' ? value : null;
  };
  const roleId = session ? (env.iam.roleByArn(session.roleArn)?.roleId ?? session.roleName) : undefined;
  const callerId = session ? `${roleId}:${session.sessionName}` : null;
  return {
    cognitoIdentityPoolId: one('cognito-identity.amazonaws.com:aud'),
    accountId: env.accountId,
    cognitoIdentityId: one('cognito-identity.amazonaws.com:sub'),
    caller: callerId,
    accessKey: caller.accessKeyId,
    cognitoAuthenticationType: amrList[0] ?? null,
    // "cognito-idp.{region}.amazonaws.com/{pool},cognito-idp.{region}.amazonaws.com/{pool}:CognitoSignIn:{sub}" [V FIX §8.2].
    cognitoAuthenticationProvider: amrList.length > 1 ? amrList.slice(1).join(',') : null,
    userArn: caller.principalArn,
    user: callerId,
  };
}

/**
 * An Authorization header that is not SigV4 at all (typically "Bearer <JWT>" sent to an AWS_IAM method):
 * AWS reads it as key=value pairs and refuses the first piece without "=", naming the header by its hash.
 * [P: message as commonly reported; which bytes are hashed is U — here the whole header value].
 */
async function notSigV4(value: string): Promise<string> {
  const digest = toBase64(fromHex(await sha256Hex(value)));
  return `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${digest}'.`;
}

export async function iamAuthorize(env: GatewayEnv, call: ServiceContext, methodArn: string): Promise<Authorization> {
  const refuse = (error: ReturnType<typeof REST_ERRORS.signature>, summary: string): Authorization => {
    call.note({ kind: 'authorizer', summary, authorizer: 'AWS_IAM', outcome: 'forbidden', checks: [{ check: 'SigV4 signature (execute-api, 5-minute skew)', passed: false, detail: String(error.body.message ?? error.body.Message).split('\n')[0] }] });
    return { ok: false, error };
  };

  const auth = call.headers.get('authorization');
  if (auth !== null && !auth.trim().startsWith('AWS4-')) {
    const message = await notSigV4(auth);
    return refuse(REST_ERRORS.signature('IncompleteSignatureException', message), 'The Authorization header is not a SigV4 signature (a JWT sent to an AWS_IAM method?): API Gateway answers 403.');
  }
  let caller: CredentialRecord;
  try {
    caller = await checkSignature(call, env.credentials, { service: 'execute-api', region: env.region, now: env.clock.now(), maxSkewMs: EXECUTE_API_MAX_SKEW_MS });
  } catch (error) {
    if (!isAwsError(error)) throw error;
    const gatewayError = error.code === 'MissingAuthenticationTokenException' ? REST_ERRORS.missingAuthenticationToken() : REST_ERRORS.signature(error.code, error.message);
    return refuse(gatewayError, `The method needs AWS_IAM authorization and the SigV4 check failed (${error.code}): API Gateway answers 403.`);
  }

  const result = env.iam.authorize(caller, { action: 'execute-api:Invoke', resource: methodArn }, env.clock.now());
  call.note(result.note);
  const checks = [
    { check: 'SigV4 signature (execute-api, 5-minute skew)', passed: true, detail: `signed with ${caller.accessKeyId}` },
    { check: 'IAM: execute-api:Invoke', passed: result.allowed, detail: `${methodArn}: ${result.evaluation.decision}` },
  ];
  if (!result.allowed) {
    call.note({ kind: 'authorizer', summary: `${caller.principalArn} may not invoke this method: IAM denied execute-api:Invoke, so API Gateway answers 403.`, authorizer: 'AWS_IAM', outcome: 'forbidden', checks });
    return { ok: false, error: REST_ERRORS.iamDenied(result.message ?? `User: ${caller.principalArn} is not authorized to perform: execute-api:Invoke on resource: ${methodArn}`) };
  }
  call.note({ kind: 'authorizer', summary: `${caller.principalArn} signed the request and IAM allows execute-api:Invoke on ${methodArn}.`, authorizer: 'AWS_IAM', outcome: 'allowed', checks });
  return { ok: true, identity: callerIdentity(env, caller) };
}
