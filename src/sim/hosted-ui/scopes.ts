// Which scopes a request is granted (aws-behaviour.md §4.1, §4.2). System scopes are openid, email, phone, profile and
// aws.cognito.signin.user.admin; custom scopes are `{resource server identifier}/{scope name}` of this pool's resource
// servers. At /oauth2/authorize a scope the client is not allowed is ignored, and no scope means every scope the client
// is allowed [V COGDOC authorization-endpoint.md]; email, phone and profile need openid [V same]. For client credentials
// only custom scopes count, and a disallowed one is an error [V COGDOC cognito-user-pools-define-resource-servers.md:
// "If a client requests a disallowed scope at runtime, an error is returned and an access token isn't issued"].
import type { AppClient, UserPool } from '../user-pool/model';
import type { HostedUiState } from './state';

export const SYSTEM_SCOPES: ReadonlySet<string> = new Set(['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']);
const NEED_OPENID = ['email', 'phone', 'profile'];
/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

export type ScopeDecision = { ok: true; scopes: string[]; ignored: string[] } | { ok: false; reason: string };

/** Every `{identifier}/{scope}` the pool's resource servers define. */
export function customScopesOf(state: HostedUiState, pool: UserPool): Set<string> {
  const servers = state.resourceServers.get(pool.name) ?? [];
  return new Set(servers.flatMap((s) => s.scopes.map((scope) => `${s.identifier}/${scope.name}`)));
}

function split(requested: string | null | undefined): string[] | undefined {
  if (requested === null || requested === undefined || requested.trim() === '') return undefined;
  return [...new Set(requested.split(' ').filter((s) => s !== ''))];
}

export function authorizeScopes(requested: string | null, client: AppClient, custom: Set<string>): ScopeDecision {
  const allowed = client.allowedOAuthScopes.filter((s) => SYSTEM_SCOPES.has(s) || custom.has(s));
  const asked = split(requested);
  if (asked?.some((s) => !SCOPE_TOKEN.test(s))) return { ok: false, reason: 'A requested scope is malformed.' };
  const scopes = asked ? asked.filter((s) => allowed.includes(s)) : allowed;
  const ignored = asked ? asked.filter((s) => !allowed.includes(s)) : [];
  // [U] What Cognito answers when nothing is left is not documented; an empty grant is refused here.
  if (scopes.length === 0) return { ok: false, reason: `None of the requested scopes is allowed for app client ${client.clientName}.` };
  const orphan = scopes.filter((s) => NEED_OPENID.includes(s));
  if (orphan.length > 0 && !scopes.includes('openid')) return { ok: false, reason: `The ${orphan.join(', ')} scope${orphan.length > 1 ? 's need' : ' needs'} openid as well.` };
  return { ok: true, scopes, ignored };
}

export function clientCredentialsScopes(requested: string | null, client: AppClient, custom: Set<string>): ScopeDecision {
  const allowed = client.allowedOAuthScopes.filter((s) => custom.has(s));
  const asked = split(requested);
  if (!asked) {
    if (allowed.length === 0) return { ok: false, reason: `App client ${client.clientName} is allowed no custom scopes, and client credentials grant only custom scopes.` };
    return { ok: true, scopes: allowed, ignored: [] };
  }
  const refused = asked.filter((s) => !allowed.includes(s));
  if (refused.length > 0) return { ok: false, reason: `${refused.join(', ')} ${refused.length > 1 ? 'are not custom scopes' : 'is not a custom scope'} that app client ${client.clientName} is allowed.` };
  return { ok: true, scopes: asked, ignored: [] };
}
