// The app's half of Cognito's SRP, as amazon-cognito-identity-js and Amplify compute it: a random secret a and
// the public A = g^a sent as SRP_A; then, from the PASSWORD_VERIFIER challenge (SRP_B, SALT, SECRET_BLOCK,
// USER_ID_FOR_SRP), S = (B − k·g^x)^(a + u·x), the session key and the claim signature. The password stays here:
// what goes on the wire is A, the signature, the TIMESTAMP and the SECRET_BLOCK echoed back.
import { claimSignature } from './claim';
import { bytesToBigInt, N, parseHex, poolNameOf, powG, toHexString } from './group';
import { sessionKey, srpK, srpU, srpX } from './hashing';
import { modPow } from './mod-pow';
import { formatSrpTimestamp } from './timestamp';

export interface SrpClient {
  /** The secret ephemeral value: never leaves the app. */
  a: bigint;
  A: bigint;
  /** A in hex, for AuthParameters.SRP_A. */
  srpA: string;
}

/** Starts a sign-in from secret random bytes (the clients use 128). */
export function startSrpClient(randomBytes: Uint8Array): SrpClient {
  const a = bytesToBigInt(randomBytes) % N;
  if (a === 0n) throw new RangeError('SRP: the secret a must not be 0');
  const A = powG(a);
  return { a, A, srpA: toHexString(A) };
}

export interface PasswordVerifierChallenge {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

/** The session key the app derives; exported for tests that compare both halves. */
export async function clientSessionKey(client: SrpClient, poolId: string, userId: string, password: string, B: bigint, salt: bigint): Promise<Uint8Array> {
  if (B % N === 0n) throw new RangeError('SRP: B mod N must not be 0');
  const u = await srpU(client.A, B);
  if (u === 0n) throw new RangeError('SRP: u must not be 0');
  const x = await srpX(poolNameOf(poolId), userId, password, salt);
  const k = await srpK();
  const base = (((B - k * powG(x)) % N) + N) % N;
  const S = modPow(base, client.a + u * x, N);
  return sessionKey(S, u);
}

/** The ChallengeResponses of a PASSWORD_VERIFIER answer, made at `now` (epoch ms) for the TIMESTAMP. */
export async function answerPasswordVerifier(
  client: SrpClient,
  poolId: string,
  password: string,
  challenge: PasswordVerifierChallenge,
  now: number,
): Promise<{ USERNAME: string; PASSWORD_CLAIM_SECRET_BLOCK: string; TIMESTAMP: string; PASSWORD_CLAIM_SIGNATURE: string }> {
  const B = parseHex(challenge.SRP_B);
  const salt = parseHex(challenge.SALT);
  if (B === undefined || salt === undefined) throw new TypeError('SRP: SRP_B and SALT must be hex');
  const userId = challenge.USER_ID_FOR_SRP;
  const key = await clientSessionKey(client, poolId, userId, password, B, salt);
  const TIMESTAMP = formatSrpTimestamp(now);
  return {
    USERNAME: userId,
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    TIMESTAMP,
    PASSWORD_CLAIM_SIGNATURE: await claimSignature(key, poolNameOf(poolId), userId, challenge.SECRET_BLOCK, TIMESTAMP),
  };
}
