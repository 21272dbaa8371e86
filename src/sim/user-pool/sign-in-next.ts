// What follows a proven first factor (a password checked by USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH or
// SRP's PASSWORD_VERIFIER): a temporary password's NEW_PASSWORD_REQUIRED challenge, then the pool's MFA
// challenges when the user or the pool requires a second factor, else the tokens. Every first factor ends here,
// so the rules for what comes next live in one place.
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from './env';
import type { AppClient, User, UserPool } from './model';
import type { InitiateAuthOutput } from './password-auth';
import { askSecondFactor } from './mfa/second-factor';
import { openSession } from './sessions';
import { issueTokens } from './tokens';

export async function afterFirstFactor(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, user: User): Promise<InitiateAuthOutput> {
  if (user.status === 'FORCE_CHANGE_PASSWORD') return newPasswordChallenge(env, call, pool, client, user);
  // [MFA] the second factor is asked for here.
  const secondFactor = askSecondFactor(env, call, pool, client, user);
  if (secondFactor) return secondFactor;
  return signedIn(env, call, pool, client, user);
}

/** Every check passed: the tokens. */
export async function signedIn(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, user: User): Promise<InitiateAuthOutput> {
  const result = await issueTokens(env, call, pool, client, user, { authTime: env.clock.now(), withRefreshToken: true });
  return { AuthenticationResult: result, ChallengeParameters: {} };
}

function newPasswordChallenge(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, user: User): InitiateAuthOutput {
  const attributes: Record<string, string> = {};
  for (const [k, v] of user.attributes) if (!k.endsWith('_verified')) attributes[k] = v;
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: openSession(env, call, pool, client, user.username, 'NEW_PASSWORD_REQUIRED'),
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(pool.requiredAttributes.filter((a) => !user.attributes.get(a)).map((a) => `userAttributes.${a}`)),
      userAttributes: JSON.stringify(attributes),
    },
  };
}
