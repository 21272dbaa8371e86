// Signing in with a username (or verified alias) and password, shared by InitiateAuth
// (USER_PASSWORD_AUTH), AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH) and the hosted UI's login page:
// lockout, PreventUserExistenceErrors, disabled and unconfirmed users, the temporary-password challenge, then tokens.
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from './env';
import { forgetStaleFailures, isLocked, recordFailure, recordSuccess } from './lockout';
import { findUser } from './lookup';
import type { AppClient, User, UserPool } from './model';
import { passwordMatches } from './passwords';
import { checkSecretHash } from './secret-hash';
import { afterFirstFactor } from './sign-in-next';
import type { AuthenticationResult } from './tokens';

export interface InitiateAuthOutput {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
}

export const incorrect = () => new AwsError('NotAuthorizedException', 'Incorrect username or password.');

export async function passwordSignIn(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string | undefined>,
): Promise<InitiateAuthOutput> {
  const username = params.USERNAME;
  const password = params.PASSWORD;
  if (!username) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  if (!password) throw new AwsError('InvalidParameterException', 'Missing required parameter PASSWORD');
  await checkSecretHash(call, client, username, params.SECRET_HASH);
  const user = await checkPassword(env, call, pool, client, username, password);
  return afterFirstFactor(env, call, pool, client, user);
}

/**
 * The password check itself, with AWS's errors: the user (a user with a temporary password comes back with status
 * FORCE_CHANGE_PASSWORD, for the caller's NEW_PASSWORD_REQUIRED challenge), or an AwsError. Issues no tokens.
 * SRP's PASSWORD_VERIFIER (challenges/password-verifier.ts) takes the same steps around its own proof.
 */
export async function checkPassword(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, username: string, password: string): Promise<User> {
  const user = findUser(pool, username);
  if (!user) throw unknownUser(call, client, username);
  assertMaySignIn(env, call, user);
  if (!(await passwordMatches(pool, user, password))) throw wrongPassword(env, call, user);
  return passwordProven(env, call, user);
}

/** The answer for a name no user has: the same as a wrong password with PreventUserExistenceErrors ENABLED. */
export function unknownUser(call: ServiceContext, client: AppClient, username: string): AwsError {
  call.note({ kind: 'password-checked', summary: `No user ${username} exists. ${client.preventUserExistenceErrors === 'ENABLED' ? 'PreventUserExistenceErrors is ENABLED, so the answer is the same as for a wrong password: an attacker cannot tell which usernames exist.' : 'PreventUserExistenceErrors is LEGACY, so the answer reveals that the user does not exist.'}`, username, outcome: 'unknown-user' });
  return client.preventUserExistenceErrors === 'ENABLED' ? incorrect() : new AwsError('UserNotFoundException', 'User does not exist.');
}

/** Before any proof of the password: the lockout (checked without looking at the password) and a disabled user. */
export function assertMaySignIn(env: UserPoolEnv, call: ServiceContext, user: User): void {
  const now = env.clock.now();
  forgetStaleFailures(user, now);
  if (isLocked(user, now)) {
    call.note({ kind: 'password-checked', summary: `${user.username} is locked out after ${user.failedSignIns} failed attempts until ${new Date(user.lockedUntil!).toISOString()}; the password is not even checked.`, username: user.username, outcome: 'locked', failedAttempts: user.failedSignIns });
    throw new AwsError('NotAuthorizedException', 'Password attempts exceeded');
  }
  if (!user.enabled) throw new AwsError('NotAuthorizedException', 'User is disabled.');
}

/** A failed proof: counted toward the lockout; the error to throw. `what` names the proof in the notes. */
export function wrongPassword(env: UserPoolEnv, call: ServiceContext, user: User, what = `The password for ${user.username} is wrong`): AwsError {
  const now = env.clock.now();
  const lockedUntil = recordFailure(user, now);
  call.note({ kind: 'password-checked', summary: `${what} (failure ${user.failedSignIns} in a row).`, username: user.username, outcome: 'incorrect', failedAttempts: user.failedSignIns });
  if (lockedUntil !== undefined) {
    call.note({ kind: 'lockout', summary: `After ${user.failedSignIns} failures ${user.username} is locked for ${(lockedUntil - now) / 1000} s; each further failure doubles the lock, up to 15 minutes.`, username: user.username, failedAttempts: user.failedSignIns, lockedUntil });
  }
  return incorrect();
}

/** A proven password: the failure count resets, then the user's status decides (unconfirmed, reset, temporary). */
export function passwordProven(env: UserPoolEnv, call: ServiceContext, user: User, what = `The password for ${user.username} is correct.`): User {
  const now = env.clock.now();
  recordSuccess(user);
  call.note({ kind: 'password-checked', summary: what, username: user.username, outcome: 'correct' });

  switch (user.status) {
    case 'UNCONFIRMED':
      throw new AwsError('UserNotConfirmedException', 'User is not confirmed.');
    case 'RESET_REQUIRED':
      // [U] aws-behaviour.md §3.3
      throw new AwsError('PasswordResetRequiredException', 'Password reset required for the user');
    case 'FORCE_CHANGE_PASSWORD':
      if (user.password?.expiresAt !== undefined && now >= user.password.expiresAt) {
        throw new AwsError('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.');
      }
      return user;
    default:
      return user;
  }
}
