// The answers RespondToAuthChallenge (and AdminRespondToAuthChallenge) accept: one module per challenge, each
// given the pool, the client, the Session it answers and the ChallengeResponses. USERNAME and SECRET_HASH are
// checked before the answer runs. A challenge without an entry here is one the simulator never asks, so its
// Session cannot exist.
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { AppClient, UserPool } from '../model';
import type { InitiateAuthOutput } from '../password-auth';
import { newPasswordRequired } from './new-password-required';
import { mfaSetup } from './mfa-setup';
import { selectMfaType } from './select-mfa-type';
import { smsMfa } from './sms-mfa';
import { softwareTokenMfa } from './software-token-mfa';
import { customChallenge } from './custom-challenge';
import { passwordVerifier } from './password-verifier';

export type ChallengeAnswer = (
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  sessionId: string | undefined,
  responses: Record<string, string>,
) => Promise<InitiateAuthOutput>;

export const CHALLENGE_ANSWERS: Partial<Record<string, ChallengeAnswer>> = {
  NEW_PASSWORD_REQUIRED: newPasswordRequired,
  // [MFA] SMS_MFA, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP
  SMS_MFA: smsMfa,
  SOFTWARE_TOKEN_MFA: softwareTokenMfa,
  SELECT_MFA_TYPE: selectMfaType,
  MFA_SETUP: mfaSetup,
  // [SRP] PASSWORD_VERIFIER
  PASSWORD_VERIFIER: passwordVerifier,
  // [CUSTOM-AUTH] CUSTOM_CHALLENGE
  CUSTOM_CHALLENGE: customChallenge,
};
