// The REST API's Cognito user pool authorizer (COGNITO_USER_POOLS). It reads the raw JWT from the configured
// header, checks it against the pools it trusts (signature via JWKS, iss, exp), then the method's scopes:
// a method without scopes wants an ID token (an access token gets 401); a method with scopes wants an access
// token whose scope holds one of them (an ID token gets 401; an access token without the scope, 403)
// [V ISS open-constructs/cdk-serverless#374 quoting AWS's knowledge center; P §8.1 for the 403].
// It checks the audience only when the authorizer has an identityValidationExpression (a regex the token's aud or
// client_id must match) [V BOTO CreateAuthorizer]; otherwise any app client of the pool will do. It does not ask Cognito whether the token was
// revoked either: a revoked but unexpired token still passes [P].
// A "Bearer " prefix is accepted and dropped: AWS's Cognito guide tells apps to send the tokens "as bearer
// tokens" in the Authorization header [V LIVE user-pool-accessing-resources-api-gateway-and-lambda], and
// AWS's own workshop tests the authorizer with "Bearer <token>" [P]; reports from 2016 of it being refused
// [P ISS amazon-cognito-identity-js#165] are taken as outdated.
import type { ServiceContext } from '../core/router';
import type { AuthorizerCheck } from '../core/trace-types';
import { restApiClaims, scopesOf } from './claims';
import type { Authorization, GatewayEnv } from './env';
import { bearerless, checkJwt, type JwtFailure } from './jwt-check';
import type { CognitoAuthorizer, RestRoute } from './model';
import { REST_ERRORS } from './responses';

const FAILURE_PHRASES: Record<JwtFailure, string> = {
  malformed: 'is not a JWT',
  issuer: 'was not issued by a user pool this authorizer trusts',
  kid: "names a key that is not in the pool's JWKS",
  signature: 'has a signature that does not verify',
  expired: 'has expired',
  'not-yet-valid': 'is not valid yet',
};

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

export async function cognitoAuthorize(env: GatewayEnv, call: ServiceContext, route: RestRoute, authorizer: CognitoAuthorizer): Promise<Authorization> {
  const wantsAccess = route.scopes.length > 0;
  const expected = wantsAccess ? 'access' : 'id';
  const checks: AuthorizerCheck[] = [];
  const refuse = (summary: string, status: 401 | 403, tokenUse: 'id' | 'access' = expected, outcome: 'invalid' | 'expired' = 'invalid'): Authorization => {
    call.note({ kind: 'token-checked', summary, tokenUse, outcome });
    call.note({ kind: 'authorizer', summary: `${summary} API Gateway answers ${status} without calling the integration.`, authorizer: 'COGNITO_USER_POOLS', name: authorizer.name, outcome: status === 401 ? 'unauthorized' : 'forbidden', checks });
    return { ok: false, error: status === 401 ? REST_ERRORS.unauthorized() : REST_ERRORS.scopeDenied() };
  };

  const value = call.headers.get(authorizer.header);
  if (value === null || value.trim() === '') {
    checks.push({ check: `token in the ${authorizer.header} header`, passed: false, detail: 'missing' });
    return refuse(`No token in the ${authorizer.header} header.`, 401);
  }
  const { token, hadPrefix } = bearerless(value);
  checks.push({ check: `token in the ${authorizer.header} header`, passed: true, ...(hadPrefix ? { detail: 'the "Bearer " prefix was dropped' } : {}) });

  const jwt = await checkJwt(call, env.jwks, token, authorizer.pools);
  checks.push(...jwt.checks);
  const tokenUse = jwt.claims?.token_use === 'access' ? 'access' : jwt.claims?.token_use === 'id' ? 'id' : expected;
  if (!jwt.ok) return refuse(`The token ${FAILURE_PHRASES[jwt.failure]}.`, 401, tokenUse, jwt.failure === 'expired' ? 'expired' : 'invalid');

  if (jwt.claims.token_use !== expected) {
    checks.push({ check: 'token type', passed: false, detail: `token_use is ${String(jwt.claims.token_use)}; this method ${wantsAccess ? `has OAuth scopes, so it wants an access token` : 'has no OAuth scopes, so it wants an ID token'}` });
    return refuse(
      wantsAccess ? 'An ID token was sent to a method with OAuth scopes: only an access token carries scopes.' : 'An access token was sent to a method without OAuth scopes: such a method accepts ID tokens only.',
      401,
      tokenUse,
    );
  }
  checks.push({ check: 'token type', passed: true, detail: `${expected === 'id' ? 'ID' : 'access'} token, as a method ${wantsAccess ? 'with' : 'without'} OAuth scopes wants` });

  if (authorizer.audiencePattern !== undefined) {
    const audience = String(jwt.claims.aud ?? jwt.claims.client_id ?? '');
    const matches = safeRegex(authorizer.audiencePattern)?.test(audience) ?? false;
    checks.push({ check: 'audience', passed: matches, detail: `${audience} ${matches ? 'matches' : 'does not match'} ${authorizer.audiencePattern}` });
    if (!matches) return refuse('The token was issued to an app client this authorizer does not accept.', 401, tokenUse);
  }

  if (wantsAccess) {
    const held = scopesOf(jwt.claims);
    const granted = route.scopes.filter((s) => held.includes(s));
    if (granted.length === 0) {
      checks.push({ check: 'OAuth scope', passed: false, detail: `the token's scope "${held.join(' ')}" holds none of ${route.scopes.join(', ')}` });
      return refuse(`The access token is valid but lacks the scope this method needs (${route.scopes.join(' or ')}).`, 403, 'access');
    }
    checks.push({ check: 'OAuth scope', passed: true, detail: `${granted.join(', ')} is in the token's scope` });
  }

  const username = String(jwt.claims['cognito:username'] ?? jwt.claims.username ?? jwt.claims.sub);
  call.note({ kind: 'token-checked', summary: `The ${expected === 'id' ? 'ID' : 'access'} token of ${username} is valid: signed by ${jwt.pool.poolName}, unexpired.`, tokenUse: expected, outcome: 'valid' });
  call.note({
    kind: 'authorizer',
    summary: `The Cognito authorizer ${authorizer.name} accepted the token; its claims go to the integration as strings in requestContext.authorizer.claims.`,
    authorizer: 'COGNITO_USER_POOLS',
    name: authorizer.name,
    outcome: 'allowed',
    checks,
  });
  return { ok: true, authorizer: { claims: restApiClaims(jwt.claims) } };
}
