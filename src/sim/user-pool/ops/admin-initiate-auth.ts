// AdminInitiateAuth: sign-in from a trusted back end, signed with IAM credentials instead of being
// public. ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH) needs the client to allow
// ALLOW_ADMIN_USER_PASSWORD_AUTH; refresh works as in InitiateAuth.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { getClientOfPool, getPool } from '../lookup';
import { passwordSignIn, type InitiateAuthOutput } from '../password-auth';
import { refreshSignIn } from '../refresh-auth';
import { AUTH_FLOWS } from './initiate-auth';
import { CLIENT_ID, CLIENT_METADATA, USER_POOL_ID } from './shapes';

interface Input {
  UserPoolId: string;
  ClientId: string;
  AuthFlow: (typeof AUTH_FLOWS)[number];
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  ContextData?: Record<string, unknown>;
  Session?: string;
}

export const adminInitiateAuth = defineOperation<Input, InitiateAuthOutput>({
  name: 'AdminInitiateAuth',
  auth: 'sigv4',
  shape: {
    UserPoolId: USER_POOL_ID,
    ClientId: CLIENT_ID,
    AuthFlow: { type: 'string', required: true, enum: AUTH_FLOWS },
    AuthParameters: { type: 'stringMap', sensitive: true },
    ClientMetadata: CLIENT_METADATA,
    AnalyticsMetadata: { type: 'object', fields: { AnalyticsEndpointId: { type: 'string' } } },
    ContextData: { type: 'object', fields: {} },
    Session: { type: 'string', min: 20, max: 2048, sensitive: true },
  },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const client = getClientOfPool(pool, input.ClientId);
    const params = input.AuthParameters ?? {};
    switch (input.AuthFlow) {
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        if (!client.explicitAuthFlows.includes('ALLOW_ADMIN_USER_PASSWORD_AUTH')) {
          throw new AwsError('InvalidParameterException', 'Auth flow not enabled for this client');
        }
        call.note({ kind: 'info', summary: `Server-side sign-in: the password travels to Cognito inside a request signed with the administrator's IAM credentials, so only a trusted back end can make it.` });
        return passwordSignIn(env, call, pool, client, params);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
          throw new AwsError('InvalidParameterException', 'REFRESH_TOKEN_AUTH flow not enabled for this client');
        }
        return refreshSignIn(env, call, pool, client, params);
      case 'CUSTOM_AUTH':
        throw new AwsError('InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
      case 'USER_PASSWORD_AUTH':
        // [P] The client-side password flow belongs to InitiateAuth.
        throw new AwsError('InvalidParameterException', 'Initiate Auth method not supported.');
      case 'USER_SRP_AUTH':
      case 'USER_AUTH':
        throw new AwsError('InvalidParameterException', `${input.AuthFlow} flow is not simulated by Cognito Lab yet; use ADMIN_USER_PASSWORD_AUTH`);
    }
  },
});
