// The HTTP API's JWT authorizer, and how it differs from the REST API's Cognito authorizer
// [V LIVE http-api-jwt-authorizer, http-api-troubleshooting-jwt]: the token may carry a "Bearer " prefix;
// any token type will do — the audience check takes aud when the token has one (ID tokens) and client_id
// otherwise (Cognito access tokens); route scopes are looked up in scope (or scp). A refused token gets
// 401 {"message":"Unauthorized"} with a www-authenticate header saying why; a token without the route's
// scope gets 403 {"message":"Forbidden"}. Descriptions beyond the documented "the token does not have a
// valid audience" and "the token has expired" (§8.3 [P]) are not invented: other failures name the error only.
import type { ServiceContext } from '../core/router';
import type { AuthorizerCheck } from '../core/trace-types';
import { httpApiClaims, scopesOf } from './claims';
import type { GatewayEnv } from './env';
import { bearerless, checkJwt } from './jwt-check';
import type { HttpRoute, JwtAuthorizer } from './model';
import { HTTP_ERRORS, type GatewayError } from './responses';

export type JwtAuthorization = { ok: true; jwt: { claims: Record<string, string>; scopes: string[] | null } } | { ok: false; error: GatewayError };

/** www-authenticate as the troubleshooting page shows it: Bearer scope="…" error="invalid_token" error_description="…". */
const challenge = (route: HttpRoute, description?: string) => `Bearer scope="${route.scopes.join(' ')}" error="invalid_token"${description ? ` error_description="${description}"` : ''}`;

export async function jwtAuthorize(env: GatewayEnv, call: ServiceContext, route: HttpRoute, authorizer: JwtAuthorizer): Promise<JwtAuthorization> {
  const checks: AuthorizerCheck[] = [];
  const refuse = (error: GatewayError, summary: string): JwtAuthorization => {
    call.note({ kind: 'authorizer', summary, authorizer: 'JWT', name: authorizer.name, outcome: error.status === 401 ? 'unauthorized' : 'forbidden', checks });
    return { ok: false, error };
  };

  const value = call.headers.get(authorizer.header);
  if (value === null || value.trim() === '') {
    checks.push({ check: `token in the ${authorizer.header} header`, passed: false, detail: 'missing' });
    return refuse(HTTP_ERRORS.unauthorized(), `No token in the ${authorizer.header} header: 401.`);
  }
  const { token, hadPrefix } = bearerless(value);
  checks.push({ check: `token in the ${authorizer.header} header`, passed: true, detail: hadPrefix ? 'with the "Bearer " prefix, which HTTP APIs accept' : 'bare token' });

  const jwt = await checkJwt(call, env.jwks, token, [authorizer.pool]);
  checks.push(...jwt.checks);
  const tokenUse = jwt.claims?.token_use === 'access' ? 'access' : 'id';
  if (!jwt.ok) {
    const expired = jwt.failure === 'expired';
    call.note({ kind: 'token-checked', summary: expired ? 'The token has expired.' : `The token failed the ${jwt.failure} check.`, tokenUse, outcome: expired ? 'expired' : 'invalid', reason: jwt.failure });
    return refuse(HTTP_ERRORS.unauthorized(challenge(route, expired ? 'the token has expired' : undefined)), `The JWT authorizer refused the token (${jwt.failure}): 401 with a www-authenticate header.`);
  }

  const claims = jwt.claims;
  const [claim, audienceValue] = claims.aud !== undefined ? ['aud', claims.aud] : ['client_id', claims.client_id];
  const audiences = (Array.isArray(audienceValue) ? audienceValue : [audienceValue]).map(String);
  const matched = audiences.some((a) => authorizer.audience.includes(a));
  checks.push({ check: `audience (${claim})`, passed: matched, detail: `${audiences.join(', ')} ${matched ? 'is' : 'is not'} one of ${authorizer.audienceNames.join(', ')}` });
  if (!matched) {
    call.note({ kind: 'token-checked', summary: `The token's ${claim} is not in the authorizer's audience.`, tokenUse, outcome: 'invalid', reason: 'audience' });
    return refuse(HTTP_ERRORS.unauthorized(challenge(route, 'the token does not have a valid audience')), `The token's ${claim} is not an audience of ${authorizer.name}: 401.`);
  }

  const held = scopesOf(claims);
  if (route.scopes.length > 0) {
    const granted = route.scopes.filter((s) => held.includes(s));
    checks.push({ check: 'route scopes', passed: granted.length > 0, detail: granted.length > 0 ? `${granted.join(', ')} is in the token` : `the token holds none of ${route.scopes.join(', ')}` });
    if (granted.length === 0) return refuse(HTTP_ERRORS.forbidden(), `The token is valid but holds none of the route's scopes (${route.scopes.join(', ')}): 403.`);
  }
  call.note({ kind: 'token-checked', summary: `The ${tokenUse === 'id' ? 'ID' : 'access'} token is valid for ${authorizer.name}: signature, issuer, expiry and ${claim}.`, tokenUse, outcome: 'valid' });
  call.note({ kind: 'authorizer', summary: `The JWT authorizer ${authorizer.name} accepted the ${tokenUse === 'id' ? 'ID' : 'access'} token; its claims go to the integration in requestContext.authorizer.jwt.`, authorizer: 'JWT', name: authorizer.name, outcome: 'allowed', checks });
  return { ok: true, jwt: { claims: httpApiClaims(claims), scopes: held.length > 0 ? held : null } };
}
