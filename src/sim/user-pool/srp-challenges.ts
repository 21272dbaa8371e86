// The pool's memory between the two steps of USER_SRP_AUTH. InitiateAuth's PASSWORD_VERIFIER challenge carries
// no Session [P aws-behaviour.md §3.8; captures of real answers in ISS floci-io/floci#1305]: its SECRET_BLOCK is
// what names the attempt. Cognito's is an encrypted blob; here it is an opaque random handle, and the pool keeps
// what it needs under it (its secret b, A and B, the user, the client, the time). The answer must come back within
// the client's AuthSessionValidity, and a SECRET_BLOCK is good for one answer only, so a replay finds nothing.
import { toBase64 } from '../../lib/encoding';
import type { UserPoolEnv } from './env';
import type { AppClient, SrpChallenge, UserPool } from './model';

const SECRET_BLOCK_BYTES = 64;

/** Keeps a new challenge (and forgets expired ones); returns its SECRET_BLOCK. */
export function openSrpChallenge(env: UserPoolEnv, pool: UserPool, client: AppClient, fields: Pick<SrpChallenge, 'userIdForSrp' | 'srpA' | 'srpB' | 'b' | 'simulated'>): SrpChallenge {
  const now = env.clock.now();
  for (const [key, open] of pool.srpChallenges) if (now >= open.expiresAt) pool.srpChallenges.delete(key);
  const secretBlock = toBase64(env.random.bytes(SECRET_BLOCK_BYTES));
  const challenge: SrpChallenge = { secretBlock, clientId: client.clientId, issuedAt: now, expiresAt: now + client.authSessionValidity * 60_000, ...fields };
  pool.srpChallenges.set(secretBlock, challenge);
  return challenge;
}

/** The challenge a SECRET_BLOCK names, used up by this answer whatever its outcome; undefined if none is open. */
export function takeSrpChallenge(pool: UserPool, secretBlock: string): SrpChallenge | undefined {
  const challenge = pool.srpChallenges.get(secretBlock);
  if (challenge) pool.srpChallenges.delete(secretBlock);
  return challenge;
}
