// The parts of a proxy event a learner looks for first. REST APIs send payload format 1.0, where a Cognito
// authorizer's claims sit in requestContext.authorizer.claims, a Lambda authorizer's context in
// requestContext.authorizer, and an IAM caller in requestContext.identity; HTTP APIs send 2.0, with a JWT
// authorizer's claims in requestContext.authorizer.jwt.claims. Either way every claim arrives as a string:
// a REST API joins lists with commas ("admins,readers") and writes exp and iat as dates, an HTTP API writes
// lists as "[admins readers]".
import { isObject, type Json } from './lambda-invocations';

export interface ProxyEventParts {
  version: '1.0' | '2.0';
  /** "GET /profile": the route, as the event names it. */
  route?: string;
  claims?: { path: string; values: Json };
  /** HTTP API JWT authorizer: the token's scopes. */
  scopes?: string[];
  /** A Lambda authorizer's principalId and context (REST), as the integration received them. */
  authorizerContext?: { path: string; values: Json };
  /** requestContext.identity when it names an IAM caller (SigV4-signed request). */
  identity?: Json;
  /** requestContext.identity's source IP and user agent, present for every caller. */
  sourceIp?: string;
}

/** The identity fields that say who signed the request, in the order worth reading them. */
export const IDENTITY_FIELDS = ['cognitoIdentityId', 'cognitoIdentityPoolId', 'cognitoAuthenticationType', 'cognitoAuthenticationProvider', 'userArn', 'caller', 'accessKey', 'accountId'] as const;

export function proxyEventParts(event: Json): ProxyEventParts {
  const version = event.version === '2.0' ? '2.0' : '1.0';
  const context = isObject(event.requestContext) ? event.requestContext : {};
  const authorizer = isObject(context.authorizer) ? context.authorizer : undefined;
  const parts: ProxyEventParts = { version };
  const route = version === '2.0' ? event.routeKey : typeof event.httpMethod === 'string' && typeof event.resource === 'string' ? `${event.httpMethod} ${event.resource}` : undefined;
  if (typeof route === 'string') parts.route = route;
  if (authorizer && isObject(authorizer.jwt)) {
    if (isObject(authorizer.jwt.claims)) parts.claims = { path: 'requestContext.authorizer.jwt.claims', values: authorizer.jwt.claims };
    if (Array.isArray(authorizer.jwt.scopes)) parts.scopes = authorizer.jwt.scopes.map(String);
  } else if (authorizer && isObject(authorizer.claims)) {
    parts.claims = { path: 'requestContext.authorizer.claims', values: authorizer.claims };
  } else if (authorizer) {
    parts.authorizerContext = { path: 'requestContext.authorizer', values: authorizer };
  }
  const identity = isObject(context.identity) ? context.identity : undefined;
  if (identity && IDENTITY_FIELDS.some((f) => f !== 'accountId' && identity[f] !== null && identity[f] !== undefined)) {
    parts.identity = Object.fromEntries(IDENTITY_FIELDS.filter((f) => f in identity).map((f) => [f, identity[f]]));
  }
  const sourceIp = identity?.sourceIp ?? (isObject(context.http) ? context.http.sourceIp : undefined);
  if (typeof sourceIp === 'string') parts.sourceIp = sourceIp;
  return parts;
}

const JAVA_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [A-Z]{3} \d{4}$/;
const LIST_CLAIMS = new Set(['cognito:groups', 'cognito:roles', 'amr']);

/** How to read a claim's value as the function received it: what the string stands for, when it is not plain text. */
export function claimReading(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `a ${value === null ? 'null' : typeof value}, not a string`;
  if (LIST_CLAIMS.has(name)) {
    const bracketed = /^\[(.*)\]$/.exec(value);
    const items = (bracketed ? bracketed[1]!.split(' ') : value.split(',')).filter((s) => s !== '');
    const how = bracketed ? 'a list in one string, written as [a b]' : 'a list in one string, joined by commas';
    return `${how}: ${items.length} item${items.length === 1 ? '' : 's'}${items.length > 0 ? ` (${items.join(', ')})` : ''} — split it before use`;
  }
  if (name === 'scope') return `scopes separated by spaces: ${value.split(' ').filter((s) => s !== '').join(', ')}`;
  if (JAVA_DATE.test(value)) return 'a date written as text (the token holds seconds since 1970)';
  if (/^\d+$/.test(value)) return 'a number, sent as a string';
  if (value === 'true' || value === 'false') return 'a boolean, sent as a string';
  return undefined;
}

/** What an IAM caller's identity field says. */
export function identityReading(name: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null: not an identity-pool caller';
  const text = String(value);
  switch (name) {
    case 'cognitoIdentityId':
      return 'the caller’s identity in the identity pool: use it as the key of the caller’s data';
    case 'cognitoAuthenticationType':
      return text === 'authenticated' ? 'signed in through a login provider' : 'a guest (unauthenticated identity)';
    case 'cognitoAuthenticationProvider': {
      const sub = /:CognitoSignIn:([^,]+)$/.exec(text)?.[1];
      return sub ? `the login that got the credentials; the user pool user’s sub is ${sub}` : 'the login provider that got the credentials';
    }
    case 'cognitoIdentityPoolId':
      return 'the identity pool that issued the credentials';
    case 'caller':
      return 'the role’s id and the session name';
    case 'userArn':
      return 'the role session that signed the request';
    case 'accessKey':
      return 'the temporary access key that signed the request';
    default:
      return undefined;
  }
}

/** A Lambda authorizer's context value: the integration gets it as a string, whatever type it was returned as. */
export function contextReading(value: unknown): string | undefined {
  if (typeof value === 'string') return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value}: the integration receives the string "${String(value)}"`;
  return 'not a string, number or boolean: API Gateway refuses it (500)';
}
