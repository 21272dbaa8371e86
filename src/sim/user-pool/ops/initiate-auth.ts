// InitiateAuth: the public sign-in entry: USER_PASSWORD_AUTH here, USER_SRP_AUTH, REFRESH_TOKEN_AUTH and CUSTOM_AUTH
// in auth-flows.ts; each flow must be allowed on the app client. USER_AUTH (choice-based sign-in) is not simulated.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { findClient } from '../lookup';
import { passwordSignIn, type InitiateAuthOutput } from '../password-auth';
import { AUTH_FLOWS, requireFlow, sharedFlow, type AuthFlow } from '../auth-flows';
import { CLIENT_ID, CLIENT_METADATA } from './shapes';

interface Input {
  AuthFlow: AuthFlow;
  AuthParameters?: Record<string, string>;
  ClientId: string;
  ClientMetadata?: Record<string, string>;
}

export const initiateAuth = defineOperation<Input, InitiateAuthOutput>({
  name: 'InitiateAuth',
  auth: 'none',
  shape: {
    AuthFlow: { type: 'string', required: true, enum: AUTH_FLOWS },
    AuthParameters: { type: 'stringMap', sensitive: true },
    ClientId: CLIENT_ID,
    ClientMetadata: CLIENT_METADATA,
  },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    const params = input.AuthParameters ?? {};
    switch (input.AuthFlow) {
      case 'USER_PASSWORD_AUTH':
        requireFlow(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH flow not enabled for this client');
        return passwordSignIn(env, call, pool, client, params);
      case 'ADMIN_NO_SRP_AUTH':
      case 'ADMIN_USER_PASSWORD_AUTH':
        // [P] The public API refuses administrator flows as not allowed for this operation.
        throw new AwsError('InvalidParameterException', 'Initiate Auth method not supported.');
      default:
        return sharedFlow(input.AuthFlow, env, call, pool, client, params, 'USER_PASSWORD_AUTH');
    }
  },
});
