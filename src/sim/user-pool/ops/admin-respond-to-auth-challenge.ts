// AdminRespondToAuthChallenge: a trusted back end answers the challenge its AdminInitiateAuth received (an MFA code,
// a new password, …), signed with IAM credentials instead of being public. The answers are the same modules as
// RespondToAuthChallenge's (answerChallenge), for a client of the named pool.
import { defineOperation } from '../env';
import { getClientOfPool, getPool } from '../lookup';
import type { InitiateAuthOutput } from '../password-auth';
import { answerChallenge, CHALLENGE_NAMES } from './respond-to-auth-challenge';
import { CLIENT_ID, CLIENT_METADATA, SESSION, USER_POOL_ID } from './shapes';

interface Input {
  UserPoolId: string;
  ClientId: string;
  ChallengeName: (typeof CHALLENGE_NAMES)[number];
  ChallengeResponses?: Record<string, string>;
  Session?: string;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  ContextData?: Record<string, unknown>;
  ClientMetadata?: Record<string, string>;
}

export const adminRespondToAuthChallenge = defineOperation<Input, InitiateAuthOutput>({
  name: 'AdminRespondToAuthChallenge',
  auth: 'sigv4',
  shape: {
    UserPoolId: USER_POOL_ID,
    ClientId: CLIENT_ID,
    ChallengeName: { type: 'string', required: true, enum: CHALLENGE_NAMES },
    ChallengeResponses: { type: 'stringMap', sensitive: true },
    Session: SESSION,
    AnalyticsMetadata: { type: 'object', fields: { AnalyticsEndpointId: { type: 'string' } } },
    ContextData: { type: 'object', fields: {} },
    ClientMetadata: CLIENT_METADATA,
  },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const client = getClientOfPool(pool, input.ClientId);
    return answerChallenge(env, call, pool, client, input.ChallengeName, input.Session, input.ChallengeResponses ?? {});
  },
});
