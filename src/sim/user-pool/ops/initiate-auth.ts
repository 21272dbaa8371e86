// InitiateAuth: the public sign-in entry. USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH here; each flow
// must be allowed on the app client.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { findClient } from '../lookup';
import { passwordSignIn, type InitiateAuthOutput } from '../password-auth';
import { refreshSignIn } from '../refresh-auth';
import { CLIENT_ID, CLIENT_METADATA } from './shapes';

export const AUTH_FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'] as const;

interface Input {
  AuthFlow: (typeof AUTH_FLOWS)[number];
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
        if (!client.explicitAuthFlows.includes('ALLOW_USER_PASSWORD_AUTH')) {
          throw new AwsError('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
        }
        return passwordSignIn(env, call, pool, client, params);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
          throw new AwsError('InvalidParameterException', 'REFRESH_TOKEN_AUTH flow not enabled for this client');
        }
        return refreshSignIn(env, call, pool, client, params);
      case 'CUSTOM_AUTH':
        throw new AwsError('InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
      case 'ADMIN_NO_SRP_AUTH':
      case 'ADMIN_USER_PASSWORD_AUTH':
        // [P] The public API refuses administrator flows as not allowed for this operation.
        throw new AwsError('InvalidParameterException', 'Initiate Auth method not supported.');
      case 'USER_SRP_AUTH':
      case 'USER_AUTH':
        // Secure Remote Password and choice-based sign-in are not simulated yet (they come with the MFA and SRP work).
        throw new AwsError('InvalidParameterException', `${input.AuthFlow} flow is not simulated by Cognito Lab yet; use USER_PASSWORD_AUTH`);
    }
  },
});
