// Short labels for the chips that travel along an edge, read from the exchange itself: what the request
// carried (an operation, signed with SigV4 or bearing a token) and what came back (tokens, a code,
// credentials, an AWS error). Nothing is made up: no field in the exchange, no label.
import type { Exchange } from '../../sim/index';

export type Outcome = 'success' | 'error';

/** Success is any answer below 400, as AWS and HTTP count it. */
export function outcomeOf(exchange: Exchange): Outcome {
  const { status } = exchange.response;
  return status > 0 && status < 400 ? 'success' : 'error';
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** SigV4: an `Authorization: AWS4-HMAC-SHA256 …` header, or a presigned URL. */
export function isSigned(exchange: Exchange): boolean {
  const authorization = header(exchange.request.headers, 'authorization') ?? '';
  return authorization.startsWith('AWS4-HMAC-SHA256') || /[?&]X-Amz-Signature=/i.test(exchange.request.url);
}

function decodeSegment(segment: string): unknown {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
  } catch {
    return undefined;
  }
}

/** The token a request bears in its Authorization header, named by its token_use claim. */
function bearerToken(exchange: Exchange): string | undefined {
  const authorization = header(exchange.request.headers, 'authorization');
  if (!authorization) return undefined;
  const token = authorization.replace(/^Bearer\s+/i, '').trim();
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  const claims = decodeSegment(parts[1]);
  if (typeof claims !== 'object' || claims === null) return undefined;
  const use = (claims as { token_use?: unknown }).token_use;
  return use === 'id' ? 'ID token' : use === 'access' ? 'access token' : 'token';
}

/** The request chip: the operation, with what it carries ("signed GetItem", "GET /profile + ID token"). */
export function requestLabel(exchange: Exchange): string {
  if (isSigned(exchange)) return `signed ${exchange.operation}`;
  const token = bearerToken(exchange);
  if (token) return `${exchange.operation} + ${token}`;
  if (/(^|&)grant_type=authorization_code(&|$)/.test(exchange.request.body ?? '')) return `${exchange.operation} + code`;
  return exchange.operation;
}

function parseJson(body: string | undefined): Record<string, unknown> | undefined {
  if (!body || !body.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** AWS's error code, from the JSON `__type`, the x-amzn-ErrorType header or a query-protocol XML `<Code>`. */
export function errorCode(exchange: Exchange): string | undefined {
  const { body, headers } = exchange.response;
  const type = parseJson(body)?.__type;
  if (typeof type === 'string' && type) return type.split('#').pop();
  const errorType = header(headers, 'x-amzn-errortype');
  if (errorType) return errorType.split(':')[0];
  const xml = /<Code>([^<]+)<\/Code>/.exec(body ?? '');
  if (xml?.[1]) return xml[1];
  const oauth = parseJson(body)?.error;
  return typeof oauth === 'string' ? oauth : undefined;
}

function redirectLabel(location: string): string {
  if (/[?#&](id_token|access_token)=/.test(location)) return 'tokens';
  if (/[?&]code=/.test(location)) return 'code';
  if (/[?&]error=/.test(location)) return 'error redirect';
  return 'redirect';
}

/** The response chip: what the answer carries ("tokens", "code sent", "credentials") or AWS's error code. */
export function responseLabel(exchange: Exchange): string {
  const { status, body, headers } = exchange.response;
  if (outcomeOf(exchange) === 'error') return errorCode(exchange) ?? (status > 0 ? `HTTP ${status}` : 'no answer');
  if (status >= 300 && status < 400) return redirectLabel(header(headers, 'location') ?? '');
  const json = parseJson(body);
  if (json) {
    if ('AuthenticationResult' in json) return 'tokens';
    if (typeof json.ChallengeName === 'string') return json.ChallengeName;
    if ('CodeDeliveryDetails' in json) return 'code sent';
    if ('Credentials' in json) return 'credentials';
    if ('Token' in json && 'IdentityId' in json) return 'OpenID token';
    if ('IdentityId' in json) return 'identity ID';
    if ('id_token' in json || 'access_token' in json) return 'tokens';
  }
  if (/<Credentials>/.test(body ?? '')) return 'credentials';
  return 'OK';
}
