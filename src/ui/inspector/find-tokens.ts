// Finds every token an exchange carries (JSON bodies, form bodies, headers such as Authorization, URLs)
// and says which one it is. Signed JWTs are decoded; five-part JWEs (Cognito's refresh tokens) stay opaque.
import type { Exchange } from '../../sim/index';
import { decodeJwt, type DecodedJwt } from './decode-jwt';

export interface FoundJwt {
  kind: 'id' | 'access' | 'jwt';
  label: string;
  token: string;
  /** Where it was seen, e.g. "Response body, AuthenticationResult.IdToken". */
  where: string[];
  decoded: DecodedJwt;
}

/** A five-part JWE such as Cognito's refresh token: only its issuer can read it. */
export interface FoundOpaque {
  kind: 'refresh' | 'opaque';
  label: string;
  token: string;
  where: string[];
}

export type FoundToken = FoundJwt | FoundOpaque;

export function isOpaque(found: FoundToken): found is FoundOpaque {
  return found.kind === 'refresh' || found.kind === 'opaque';
}

const TOKEN_PATTERN = /eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}/g;

interface Sighting {
  token: string;
  where: string;
  /** The JSON key, header or parameter name it was found under, lower case. */
  name: string;
}

function scanText(text: string, where: string, name: string, out: Sighting[]): void {
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    out.push({ token: match[0].replace(/\.+$/, ''), where, name: name.toLowerCase() });
  }
}

function pathLabel(path: (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function walkJson(value: unknown, path: (string | number)[], source: string, out: Sighting[]): void {
  if (typeof value === 'string') {
    const last = path.at(-1);
    scanText(value, path.length ? `${source}, ${pathLabel(path)}` : source, typeof last === 'string' ? last : '', out);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkJson(item, [...path, i], source, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) walkJson(item, [...path, key], source, out);
  }
}

function scanBody(body: string | undefined, source: string, out: Sighting[]): void {
  if (!body) return;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const params = /^[^\s{<]+=/.test(body) ? new URLSearchParams(body) : undefined;
    if (params) for (const [key, value] of params) scanText(value, `${source}, ${key}`, key, out);
    else scanText(body, source, '', out);
    return;
  }
  walkJson(json, [], source, out);
}

function scanHeaders(headers: Record<string, string>, source: string, out: Sighting[]): void {
  for (const [name, value] of Object.entries(headers)) scanText(value, `${source} ${name}`, name, out);
}

function classify(token: string, sightings: Sighting[]): FoundToken | undefined {
  const where = [...new Set(sightings.map((s) => s.where))];
  const names = sightings.map((s) => s.name).join(' ');
  const parts = token.split('.').length;
  if (parts === 5) {
    return /refresh/.test(names)
      ? { kind: 'refresh', label: 'Refresh token', token, where }
      : { kind: 'opaque', label: 'Encrypted token (JWE)', token, where };
  }
  if (parts !== 3) return undefined;
  const decoded = decodeJwt(token);
  if (!decoded) return undefined;
  const use = decoded.payload.token_use;
  if (use === 'id') return { kind: 'id', label: 'ID token', token, where, decoded };
  if (use === 'access') return { kind: 'access', label: 'Access token', token, where, decoded };
  const iss = typeof decoded.payload.iss === 'string' ? decoded.payload.iss : '';
  const label = iss.includes('cognito-identity.amazonaws.com')
    ? 'OpenID token from the identity pool'
    : /x-amzn-oidc-data/.test(names)
      ? 'User claims signed by the load balancer'
      : /x-amzn-oidc-accesstoken|access_?token/.test(names)
        ? 'Access token'
        : /id_?token/.test(names)
          ? 'ID token'
          : 'JWT';
  return { kind: 'jwt', label, token, where, decoded };
}

/** Every distinct token in the exchange, request first, in the order they appear. */
export function findTokens(exchange: Pick<Exchange, 'request' | 'response'>): FoundToken[] {
  const sightings: Sighting[] = [];
  scanHeaders(exchange.request.headers, 'Request header', sightings);
  scanBody(exchange.request.body, 'Request body', sightings);
  scanHeaders(exchange.response.headers, 'Response header', sightings);
  scanBody(exchange.response.body, 'Response body', sightings);

  const byToken = new Map<string, Sighting[]>();
  for (const s of sightings) byToken.set(s.token, [...(byToken.get(s.token) ?? []), s]);
  const found: FoundToken[] = [];
  for (const [token, seen] of byToken) {
    const item = classify(token, seen);
    if (item) found.push(item);
  }
  return found;
}
