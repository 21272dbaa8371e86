// Facebook's user access tokens: opaque strings ("EAA…") that only the Graph API can resolve to a user and an app.
// Graph API errors are {"error":{"message","type":"OAuthException","code","error_subcode"?,"fbtrace_id"}} with
// HTTP 400 [V developers.facebook.com/docs/graph-api/guides/error-handling; messages P as captured].
import { toBase64Url } from '../../../lib/encoding';
import { ALPHANUMERIC } from '../../core/random';
import { json } from '../../hosted-ui/responses';
import type { FacebookEnv } from './env';

export function newAccessToken(env: FacebookEnv, grant: { userId: string; appId: string; permissions: string[]; lifetimeS: number }): string {
  const token = `EAA${toBase64Url(env.random.bytes(140)).replace(/[-_]/g, 'Z')}`;
  env.tokens.set(token, { userId: grant.userId, appId: grant.appId, permissions: [...grant.permissions], expiresAt: env.clock.now() + grant.lifetimeS * 1000 });
  return token;
}

export function graphError(env: FacebookEnv, message: string, code: number, subcode?: number): Response {
  return json(400, { error: { message, type: 'OAuthException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: env.random.string(ALPHANUMERIC, 11) } }, { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message.replace(/"/g, "'")}"` });
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Facebook's expiry message names the moment in Pacific time, e.g. "Tuesday, 10-Mar-26 02:00:00 PDT". [P] */
export function expiredMessage(expiresAt: number, now: number): string {
  const format = (ms: number) => {
    const pacific = new Date(ms - 7 * 3_600_000);
    const day = DAYS[pacific.getUTCDay()]!;
    const dd = String(pacific.getUTCDate()).padStart(2, '0');
    const mon = MONTHS[pacific.getUTCMonth()]!;
    const yy = String(pacific.getUTCFullYear()).slice(2);
    const time = pacific.toISOString().slice(11, 19);
    return `${day}, ${dd}-${mon}-${yy} ${time} PDT`;
  };
  return `Error validating access token: Session has expired on ${format(expiresAt)}. The current time is ${format(now)}.`;
}
