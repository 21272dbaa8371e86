// The STS endpoints, regional sts.{region}.amazonaws.com and global sts.amazonaws.com (signed as us-east-1):
// the Query protocol with XML answers. AssumeRoleWithWebIdentity is simulated; the other STS actions are
// signed ones this simulator does not offer: unsigned they get MissingAuthenticationToken, as from AWS.
import { isAwsError } from '../core/errors';
import type { Service, ServiceContext } from '../core/router';
import { checkSignature } from '../sigv4/check';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import type { StsAction, StsEnv } from './env';
import { stsErrors } from './errors';
import { parseQueryParams, xmlErrorResponse, xmlResponse } from './query-protocol';

/** STS actions of the 2011-06-15 API that the simulator does not implement; all are SigV4-signed. */
const OTHER_SIGNED_ACTIONS = new Set([
  'AssumeRole',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
]);

const isSigned = (call: ServiceContext) => call.headers.has('authorization') || call.url.searchParams.has('X-Amz-Signature');

export function createStsService(env: StsEnv, extraActions: StsAction[] = []): Service & { register(action: StsAction): void } {
  const regional = `sts.${env.region}.amazonaws.com`;
  const actions = new Map<string, StsAction>([[assumeRoleWithWebIdentity.name, assumeRoleWithWebIdentity], ...extraActions.map((a) => [a.name, a] as const)]);

  async function handle(call: ServiceContext): Promise<Response> {
    const params = parseQueryParams(call.url, call.body);
    const name = params.get('Action') ?? '';
    call.setOperation(name || `${call.method} ${call.url.pathname}`);
    params.delete('Action');
    params.delete('Version');
    const action = actions.get(name);
    if (action && action.auth === 'none') return xmlResponse(name, await action.run(env, params, call), call.requestId);
    if (!action && !OTHER_SIGNED_ACTIONS.has(name)) throw stsErrors.invalidAction(name);
    if (!isSigned(call)) {
      call.note({ kind: 'info', summary: `${name} is a signed STS action: it needs SigV4 credentials, unlike AssumeRoleWithWebIdentity.` });
      throw stsErrors.missingAuthentication();
    }
    const global = call.url.hostname.toLowerCase() === 'sts.amazonaws.com';
    await checkSignature(call, env.credentials, { service: 'sts', region: global ? 'us-east-1' : env.region, now: env.clock.now() });
    if (action) return xmlResponse(name, await action.run(env, params, call), call.requestId);
    call.note({ kind: 'info', summary: `The simulator does not offer ${name}; only AssumeRoleWithWebIdentity is simulated.` });
    throw stsErrors.invalidAction(name);
  }

  return {
    actor: 'sts',
    handles: (h) => h === regional || h === 'sts.amazonaws.com',
    register: (action) => void actions.set(action.name, action),
    async handle(call) {
      try {
        return await handle(call);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        call.note({ kind: 'error', summary: `${error.code}: ${error.message.split('\n')[0] || 'no message'}`, code: error.code, message: error.message, status: error.status });
        return xmlErrorResponse(error, call.requestId);
      }
    },
  };
}
