// RespondToAuthChallenge: answers a challenge within its Session; each challenge's answer is a module of
// ../challenges/ (NEW_PASSWORD_REQUIRED, the MFA challenges, SRP's PASSWORD_VERIFIER, CUSTOM_CHALLENGE).
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import type { AppClient, UserPool } from '../model';
import { findClient } from '../lookup';
import type { InitiateAuthOutput } from '../password-auth';
import { checkSecretHash } from '../secret-hash';
import { takeSession } from '../sessions';
import { CHALLENGE_ANSWERS } from '../challenges/registry';
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
    return answerChallenge(env, call, pool, client, input.ChallengeName, input.Session, input.ChallengeResponses ?? {});
  },
});

/** Shared with AdminRespondToAuthChallenge: USERNAME and SECRET_HASH first, then the challenge's own answer. */
export async function answerChallenge(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  challengeName: string,
  sessionId: string | undefined,
  responses: Record<string, string>,
): Promise<InitiateAuthOutput> {
  if (!responses.USERNAME) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  await checkSecretHash(call, client, responses.USERNAME, responses.SECRET_HASH);
  const answer = CHALLENGE_ANSWERS[challengeName];
  if (!answer) {
    // The simulator never asks this challenge, so no Session for it can exist.
    takeSession(env, pool, client, sessionId, challengeName);
    throw new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  }
  return answer(env, call, pool, client, sessionId, responses);
}

