// AdminInitiateAuth: sign-in from a trusted back end, signed with IAM credentials instead of being
// public. ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH) needs the client to allow
// ALLOW_ADMIN_USER_PASSWORD_AUTH; refresh works as in InitiateAuth.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { getClientOfPool, getPool } from '../lookup';
import { passwordSignIn, type InitiateAuthOutput } from '../password-auth';
import { AUTH_FLOWS, requireFlow, sharedFlow, type AuthFlow } from '../auth-flows';
import { CLIENT_ID, CLIENT_METADATA, USER_POOL_ID } from './shapes';

interface Input {
  UserPoolId: string;
  ClientId: string;
  AuthFlow: AuthFlow;
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
        requireFlow(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'Auth flow not enabled for this client');
        call.note({ kind: 'info', summary: `Server-side sign-in: the password travels to Cognito inside a request signed with the administrator's IAM credentials, so only a trusted back end can make it.` });
        return passwordSignIn(env, call, pool, client, params);
      case 'USER_PASSWORD_AUTH':
        // [P] The client-side password flow belongs to InitiateAuth.
        throw new AwsError('InvalidParameterException', 'Initiate Auth method not supported.');
      default:
        return sharedFlow(input.AuthFlow, env, call, pool, client, params, 'ADMIN_USER_PASSWORD_AUTH');
    }
  },
});
