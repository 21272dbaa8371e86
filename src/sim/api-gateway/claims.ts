// How token claims reach the integration: as strings, never as the JSON types the token holds.
// REST API (Cognito authorizer): requestContext.authorizer.claims — every value a string, arrays such as
// cognito:groups joined by commas ("admins,readers"), and exp and iat rendered as dates in Java's
// Date.toString form ("Thu Jan 01 01:00:00 UTC 2026") while auth_time stays a number in a string
// [V ISS amazon-cognito-identity-js#92, aws/chalice#783 for strings and groups; P for the date form today].
// HTTP API (JWT authorizer): requestContext.authorizer.jwt.claims — strings too, numbers as digits, arrays
// rendered with brackets and spaces ("[admins readers]") [U: aws-behaviour.md §8.3].

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** java.util.Date#toString in UTC: "EEE MMM dd HH:mm:ss zzz yyyy". */
export function javaDateString(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const DATE_CLAIMS = new Set(['exp', 'iat', 'nbf']);

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

export function restApiClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (DATE_CLAIMS.has(name) && typeof value === 'number') out[name] = javaDateString(value);
    else if (Array.isArray(value)) out[name] = value.map(scalar).join(',');
    else out[name] = scalar(value);
  }
  return out;
}

export function httpApiClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) out[name] = Array.isArray(value) ? `[${value.map(scalar).join(' ')}]` : scalar(value);
  return out;
}

/** The token's scopes: the space-separated `scope` claim, or `scp` (a list or a string) as some issuers write it. */
export function scopesOf(claims: Record<string, unknown>): string[] {
  const raw = claims.scope ?? claims.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter((s) => s !== '') : [];
}
