// PASSWORD_VERIFIER: the second step of USER_SRP_AUTH. The app answers with PASSWORD_CLAIM_SIGNATURE (an HMAC made
// with the session key it derived from the password), the SECRET_BLOCK it was given and the TIMESTAMP it signed
// [V aws-behaviour.md §3.7–3.8]. The pool derives the same key from the verifier it stores and its secret b, and
// checks the signature: the password itself never crosses the wire. A wrong signature is a wrong password and
// counts toward the lockout; a SECRET_BLOCK that is unknown, already used or another client's fails the same way.
import { padHex, parseHex, poolNameOf } from '../../../lib/srp/group';
import { srpU } from '../../../lib/srp/hashing';
import { claimMatches, serverSessionKey } from '../../../lib/srp/server';
import { formatSrpTimestamp, parseSrpTimestamp } from '../../../lib/srp/timestamp';
import { AwsError } from '../../core/errors';
import { findUser, userKey } from '../lookup';
import type { SrpChallenge } from '../model';
import { assertMaySignIn, incorrect, passwordProven, wrongPassword } from '../password-auth';
import { afterFirstFactor } from '../sign-in-next';
import { takeSrpChallenge } from '../srp-challenges';
import type { ChallengeAnswer } from './registry';

/**
 * [U] How far the signed TIMESTAMP may be from the pool's clock. AWS documents only that the answer must come
 * "within a few seconds" (RespondToAuthChallenge, ChallengeResponses); clients with clocks minutes off are reported
 * to fail (ISS amazon-archives/amazon-cognito-auth-js#199: "once the system is >5 minutes out of sync").
 */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

const REQUIRED = ['PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP'] as const;

export const passwordVerifier: ChallengeAnswer = async (env, call, pool, client, _sessionId, responses) => {
  for (const name of REQUIRED) if (!responses[name]) throw new AwsError('InvalidParameterException', `Missing required parameter ${name}`);
  const signature = responses.PASSWORD_CLAIM_SIGNATURE!;
  const secretBlock = responses.PASSWORD_CLAIM_SECRET_BLOCK!;
  const timestamp = responses.TIMESTAMP!;
  const refuse = (summary: string, values?: Record<string, string>, username?: string) =>
    call.note({ kind: 'srp', summary, step: 'verify', outcome: 'refused', ...(username ? { username } : {}), ...(values ? { values } : {}) });

  const signedAt = parseSrpTimestamp(timestamp);
  if (signedAt === undefined) {
    refuse(`TIMESTAMP "${timestamp}" does not have the form the signature needs, e.g. "Tue Mar 5 09:03:07 UTC 2024" (English names, UTC, the day not zero-padded).`);
    // [V ISS amazon-archives/amazon-cognito-identity-js#683, the error's own title]
    throw new AwsError('InvalidParameterException', 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  }

  const challenge = takeSrpChallenge(pool, secretBlock);
  if (!challenge || challenge.clientId !== client.clientId) {
    refuse('PASSWORD_CLAIM_SECRET_BLOCK is not a SECRET_BLOCK this pool handed to this app client, or it was used already: each one is good for a single answer, so an answer cannot be replayed or altered.');
    // [P ISS ministackorg/ministack#1758, measured: a wrong SECRET_BLOCK gets this answer]
    throw incorrect();
  }
  const now = env.clock.now();
  if (now >= challenge.expiresAt) {
    refuse(`The challenge was answered ${Math.round((now - challenge.issuedAt) / 1000)} s after it was issued; it was valid for ${client.authSessionValidity} minutes (the client's AuthSessionValidity).`, undefined, challenge.userIdForSrp);
    throw new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  }
  if (Math.abs(signedAt - now) > TIMESTAMP_TOLERANCE_MS) {
    refuse(`The signed TIMESTAMP is ${Math.round(Math.abs(signedAt - now) / 60_000)} minutes away from the pool's clock (${formatSrpTimestamp(now)}): the app's clock is off, or the answer is an old one.`, { TIMESTAMP: timestamp }, challenge.userIdForSrp);
    throw incorrect();
  }
  if (challenge.simulated) {
    refuse(`This challenge was made up for ${challenge.userIdForSrp}, for whom the pool has no verifier (PreventUserExistenceErrors): no signature can match, and the answer is the same as for a wrong password.`, undefined, challenge.userIdForSrp);
    throw incorrect();
  }

  const user = pool.users.get(userKey(challenge.userIdForSrp));
  if (!user || findUser(pool, responses.USERNAME!) !== user) {
    refuse(`USERNAME ${responses.USERNAME} is not the user this challenge was issued for (${challenge.userIdForSrp}).`, undefined, challenge.userIdForSrp);
    throw incorrect();
  }
  assertMaySignIn(env, call, user);
  const matched = user.password !== undefined && (await signatureMatches(challenge, parseHex(user.password.verifier)!, poolNameOf(pool.id), secretBlock, signedAt, signature));
  const values = { 'u = H(A ‖ B)': padHex(await srpU(parseHex(challenge.srpA)!, parseHex(challenge.srpB)!)), TIMESTAMP: timestamp, 'Claim signature': matched ? 'matched' : 'did not match' };
  if (!matched) {
    refuse(`The pool computed the session key from ${user.username}'s verifier and its secret b, and signed the pool name, user, SECRET_BLOCK and TIMESTAMP with it: the app's PASSWORD_CLAIM_SIGNATURE is different, so the app's key came from a different password.`, values, user.username);
    throw wrongPassword(env, call, user, `The password claim signature for ${user.username} does not match: the app computed it from a wrong password`);
  }
  call.note({ kind: 'srp', summary: `The app's PASSWORD_CLAIM_SIGNATURE matches the one the pool made with its own copy of the session key. The app proved it knows ${user.username}'s password, and the password never travelled: only A, the signature and the TIMESTAMP did.`, step: 'verify', outcome: 'ok', username: user.username, values });
  passwordProven(env, call, user, `The password claim signature for ${user.username} matches: the app knows the password, which never left it.`);
  return afterFirstFactor(env, call, pool, client, user);
};

/** The pool's side: S from A, its b and the stored v; the key; the signature over the canonical TIMESTAMP. */
async function signatureMatches(challenge: SrpChallenge, v: bigint, poolName: string, secretBlock: string, signedAt: number, signature: string): Promise<boolean> {
  const { key, u } = await serverSessionKey(parseHex(challenge.srpA)!, parseHex(challenge.srpB)!, parseHex(challenge.b)!, v);
  if (u === 0n) return false;
  // Cognito reads the TIMESTAMP and signs its own rendering of it, so a zero-padded day or a wrong weekday fails
  // [P ISS qwigo/warrant#12 and ministackorg/ministack#1758: both answered "Incorrect username or password."].
  return claimMatches(key, poolName, challenge.userIdForSrp, secretBlock, formatSrpTimestamp(signedAt), signature);
}
