// Reading a TOTP enrolment out of the trace: the SecretCode that AssociateSoftwareToken answered with, and
// whose secret it is (the access token's username, or for the MFA_SETUP challenge the sign-in its Session
// came from). Also the secret grouped in fours, as authenticator apps ask for it when it is typed by hand.
import type { Exchange } from '../../sim/index';
import { decodeJwt } from '../inspector/decode-jwt';

function json(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The base32 secret of a successful AssociateSoftwareToken answer (the model says SecretCode is [A-Za-z0-9]+). */
export function findTotpSecret(exchange: Exchange): string | undefined {
  if (exchange.response.status !== 200) return undefined;
  const secret = str(json(exchange.response.body).SecretCode);
  return secret && /^[A-Z2-7]+=*$/i.test(secret) ? secret.replace(/=+$/, '').toUpperCase() : undefined;
}

/** "JBSW Y3DP EHPK 3PXP": the secret in groups of four, easier to copy by hand. */
export const groupInFours = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? '';

/** The username of the user a request acts for: the access token's `username` claim, or, for a Session, the
 *  USERNAME of the sign-in that opened it (following the chain of Sessions back through the trace). */
export function accountOf(exchange: Exchange, trace: readonly Exchange[] = []): string | undefined {
  const body = json(exchange.request.body);
  const accessToken = str(body.AccessToken);
  if (accessToken) return str(decodeJwt(accessToken)?.payload.username);
  const index = trace.indexOf(exchange);
  const earlier = index >= 0 ? trace.slice(0, index) : trace;
  let session = str(body.Session);
  const seen = new Set<string>();
  while (session && !seen.has(session)) {
    seen.add(session);
    const wanted = session;
    const opener = earlier.findLast((x) => json(x.response.body).Session === wanted);
    if (!opener) return undefined;
    const request = json(opener.request.body);
    const params = { ...(request.AuthParameters as Record<string, unknown> | undefined), ...(request.ChallengeResponses as Record<string, unknown> | undefined) };
    const challenge = json(opener.response.body).ChallengeParameters as Record<string, unknown> | undefined;
    const found = str(params.USERNAME) ?? str(challenge?.USER_ID_FOR_SRP) ?? str(challenge?.USERNAME);
    if (found) return found;
    session = str(request.Session);
  }
  return undefined;
}
