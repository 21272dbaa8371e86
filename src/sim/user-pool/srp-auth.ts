// USER_SRP_AUTH, first step (InitiateAuth and AdminInitiateAuth): the app sends USERNAME and SRP_A = g^a, never
// the password. The pool answers PASSWORD_VERIFIER with the user's SALT, its own public SRP_B = k·v + g^b, a
// SECRET_BLOCK naming the attempt, and USER_ID_FOR_SRP (the username the app must hash the password with, also
// when the app signed in with an alias) [V aws-behaviour.md §3.7–3.8]. The proof comes in the answer
// (challenges/password-verifier.ts). For a name no user has, PreventUserExistenceErrors ENABLED makes the pool
// answer a made-up challenge, the same salt and UUID for the same name, that can only fail at the second step
// [V COGDOC cognito-user-pool-managing-errors.md]; LEGACY says UserNotFoundException at once [P ISS
// ministackorg/ministack#1758, measured].
import { toHex, utf8 } from '../../lib/encoding';
import { bytesToBigInt, N, padHex, parseHex, powG, toHexString } from '../../lib/srp/group';
import { sha256, srpK, srpU } from '../../lib/srp/hashing';
import { secretB, serverPublicB } from '../../lib/srp/server';
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from './env';
import { findUser } from './lookup';
import type { AppClient, SrpChallenge, UserPool } from './model';
import { assertMaySignIn, unknownUser, type InitiateAuthOutput } from './password-auth';
import { checkSecretHash } from './secret-hash';
import { openSrpChallenge } from './srp-challenges';
import { hidesUserExistence } from './user-existence';

/** 32 bytes: RFC 5054 §2.5 asks for secret ephemeral values of at least 256 bits. */
const B_SECRET_BYTES = 32;
/** [U] A longer SRP_A than N (768 hex digits) has no use; refused before any arithmetic on it. */
const MAX_SRP_A_HEX = 1024;

export async function srpSignIn(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, params: Record<string, string | undefined>): Promise<InitiateAuthOutput> {
  const username = params.USERNAME;
  if (!username) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  // [V ISS aws/aws-sdk-cpp#452] the error for a USER_SRP_AUTH request without SRP_A.
  if (!params.SRP_A) throw new AwsError('InvalidParameterException', 'Missing required parameter SRP_A');
  await checkSecretHash(call, client, username, params.SECRET_HASH);
  const A = readSrpA(call, params.SRP_A);

  const user = findUser(pool, username);
  if (!user) {
    if (!hidesUserExistence(client)) throw unknownUser(call, client, username);
    return simulatedChallenge(env, call, pool, client, username, A);
  }
  assertMaySignIn(env, call, user);
  if (!user.password) {
    // A user without a password (federated): nothing can prove one. [U] AWS's answer; the attempt fails at the answer.
    return simulatedChallenge(env, call, pool, client, user.username, A, user.username);
  }
  const b = secretB(env.random.bytes(B_SECRET_BYTES));
  const B = await serverPublicB(parseHex(user.password.verifier)!, b);
  const challenge = openSrpChallenge(env, pool, client, { userIdForSrp: user.username, srpA: toHexString(A), srpB: toHexString(B), b: toHexString(b), simulated: false });
  const salt = user.password.salt;
  await noteChallenge(call, client, challenge, salt, A, B,
    `The app sent USERNAME and SRP_A = g^a mod N; its secret a, like the password, never left it: the password never travels. The pool found ${user.username}, read the salt and the verifier v = g^x it stored when the password was set (never the password itself), chose a secret b and answered SRP_B = k·v + g^b, the SALT and a SECRET_BLOCK. Both sides can now compute u = H(A ‖ B); only someone who knows the password can compute the same session key as the pool.`);
  return challengeAnswer(challenge, salt);
}

/** SRP_A as a number, or AWS's refusal: not hex, or A mod N = 0 (which would let anyone compute the key). */
function readSrpA(call: ServiceContext, text: string): bigint {
  const A = text.length <= MAX_SRP_A_HEX ? parseHex(text) : undefined;
  if (A === undefined || A % N === 0n) {
    const why = A === undefined ? 'SRP_A is not a hexadecimal number of at most 1024 digits' : 'SRP_A mod N is 0: with such an A the session key would be S = 0 whatever the password, so SRP requires the pool to refuse it';
    call.note({ kind: 'srp', summary: `${why}. The pool refuses the request.`, step: 'challenge', outcome: 'refused' });
    // [P ISS amazon-cognito-identity-js#356: altered SRP_A values drew InvalidParameterException] [U] message.
    throw new AwsError('InvalidParameterException', A === undefined ? 'SRP_A must be a hexadecimal number.' : 'SRP_A mod N cannot be 0.');
  }
  return A;
}

/**
 * PreventUserExistenceErrors: a challenge that looks like any other, with the same SALT and UUID-form USER_ID_FOR_SRP
 * for the same name in this pool, and a B that no verifier stands behind. [U] AWS keeps its derivation to itself;
 * here the salt and UUID come from a hash of the pool id and the name.
 */
async function simulatedChallenge(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, name: string, A: bigint, userId?: string): Promise<InitiateAuthOutput> {
  const seed = async (label: string) => sha256(utf8.encode(`${pool.arn}\u0000${name.toLowerCase()}\u0000${label}`));
  const salt = toHex((await seed('salt')).slice(0, 16));
  const userIdForSrp = userId ?? uuidFrom(await seed('user-id'));
  const b = secretB(env.random.bytes(B_SECRET_BYTES));
  const noise = bytesToBigInt(env.random.bytes(384)) % N;
  const B = ((await srpK()) * noise + powG(b)) % N;
  const challenge = openSrpChallenge(env, pool, client, { userIdForSrp, srpA: toHexString(A), srpB: toHexString(B), b: toHexString(b), simulated: true });
  await noteChallenge(call, client, challenge, salt, A, B,
    userId === undefined
      ? `No user ${name} exists. PreventUserExistenceErrors is ENABLED, so the pool answers as if it did: a made-up SALT and SRP_B and a USER_ID_FOR_SRP in UUID form, the same each time for this name, so an attacker cannot tell. The answer to this challenge will fail with "Incorrect username or password."`
      : `${name} has no password in this pool (a federated user), so no proof can succeed; the pool still answers with a challenge.`);
  return challengeAnswer(challenge, salt);
}

/** A UUID (version 4 layout) from hash bytes. */
function uuidFrom(bytes: Uint8Array): string {
  const b = bytes.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function noteChallenge(call: ServiceContext, client: AppClient, challenge: SrpChallenge, salt: string, A: bigint, B: bigint, summary: string): Promise<void> {
  const u = await srpU(A, B);
  call.note({
    kind: 'challenge',
    summary: `The pool answers with the PASSWORD_VERIFIER challenge. There is no Session: the SECRET_BLOCK names this attempt, valid for ${client.authSessionValidity} minutes and for one answer.`,
    challengeName: 'PASSWORD_VERIFIER',
    expiresAt: challenge.expiresAt,
  });
  call.note({ kind: 'srp', summary, step: 'challenge', outcome: 'ok', username: challenge.userIdForSrp, values: { SRP_A: challenge.srpA, SRP_B: challenge.srpB, SALT: salt, 'u = H(A ‖ B)': padHex(u) } });
}

function challengeAnswer(challenge: SrpChallenge, salt: string): InitiateAuthOutput {
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SECRET_BLOCK: challenge.secretBlock,
      SRP_B: challenge.srpB,
      USERNAME: challenge.userIdForSrp,
      USER_ID_FOR_SRP: challenge.userIdForSrp,
    },
  };
}
