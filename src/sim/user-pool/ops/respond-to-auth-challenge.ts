// RespondToAuthChallenge: answers a challenge within its Session. NEW_PASSWORD_REQUIRED here: a user an
// administrator created signs in with the temporary password and must choose a new one.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import type { AppClient, UserPool } from '../model';
import { findClient, requireUserByUsername } from '../lookup';
import type { InitiateAuthOutput } from '../password-auth';
import { assertPasswordConforms, hashPassword } from '../passwords';
import { checkSecretHash } from '../secret-hash';
import { takeSession } from '../sessions';
import { issueTokens } from '../tokens';
import { requireAttributes, STANDARD_ATTRIBUTES } from '../attributes';
import { CLIENT_ID, CLIENT_METADATA, SESSION } from './shapes';

export const CHALLENGE_NAMES = ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP'] as const;

interface Input {
  ClientId: string;
  ChallengeName: (typeof CHALLENGE_NAMES)[number];
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
}

export const respondToAuthChallenge = defineOperation<Input, InitiateAuthOutput>({
  name: 'RespondToAuthChallenge',
  auth: 'none',
  shape: {
    ClientId: CLIENT_ID,
    ChallengeName: { type: 'string', required: true, enum: CHALLENGE_NAMES },
    Session: SESSION,
    ChallengeResponses: { type: 'stringMap', sensitive: true },
    ClientMetadata: CLIENT_METADATA,
  },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    const responses = input.ChallengeResponses ?? {};
    if (input.ChallengeName !== 'NEW_PASSWORD_REQUIRED') {
      // The other challenges arrive with MFA and SRP; until then no session for them can exist.
      takeSession(env, pool, client, input.Session, input.ChallengeName);
    }
    return newPasswordRequired(env, call, pool, client, input.Session, responses);
  },
});

export async function newPasswordRequired(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  sessionId: string | undefined,
  responses: Record<string, string>,
): Promise<InitiateAuthOutput> {
  if (!responses.USERNAME) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  if (!responses.NEW_PASSWORD) throw new AwsError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
  await checkSecretHash(call, client, responses.USERNAME, responses.SECRET_HASH);
  const session = takeSession(env, pool, client, sessionId, 'NEW_PASSWORD_REQUIRED');
  const user = requireUserByUsername(pool, session.username);
  assertPasswordConforms(pool.passwordPolicy, responses.NEW_PASSWORD);
  const updates = new Map<string, string>();
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith('userAttributes.')) continue;
    const name = key.slice('userAttributes.'.length);
    if (!STANDARD_ATTRIBUTES.has(name) && !name.startsWith('custom:')) {
      throw new AwsError('InvalidParameterException', `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.\n`);
    }
    updates.set(name, value);
  }
  requireAttributes(pool, new Map([...user.attributes, ...updates]));
  for (const [k, v] of updates) user.attributes.set(k, v);
  user.password = await hashPassword(env.random, responses.NEW_PASSWORD);
  user.status = 'CONFIRMED';
  user.lastModified = env.clock.now();
  call.note({ kind: 'user-changed', summary: `${user.username} chose a new password; the temporary one no longer works and the status is now CONFIRMED.`, username: user.username, change: 'password set, CONFIRMED' });
  const result = await issueTokens(env, call, pool, client, user, { authTime: env.clock.now(), withRefreshToken: true });
  return { AuthenticationResult: result, ChallengeParameters: {} };
}
