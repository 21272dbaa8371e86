// GetCredentialsForIdentity (public; the enhanced flow): the identity's logins are checked, a role is chosen,
// its trust policy consulted, and temporary credentials come back with Expiration in epoch seconds.
import { defineOperation } from '../env';
import { issueIdentityCredentials, type CognitoCredentials } from '../issue-credentials';
import { resolveIdentity } from './resolve-identity';
import { IDENTITY_ID, LOGINS, ROLE_ARN } from './shapes';

interface Input {
  IdentityId: string;
  Logins?: Record<string, string>;
  CustomRoleArn?: string;
}

export const getCredentialsForIdentity = defineOperation<Input, { IdentityId: string; Credentials: CognitoCredentials }>({
  name: 'GetCredentialsForIdentity',
  auth: 'none',
  shape: { IdentityId: IDENTITY_ID, Logins: LOGINS, CustomRoleArn: ROLE_ARN },
  async run(env, input, call) {
    const { pool, identity, logins } = await resolveIdentity(env, call, input);
    const credentials = issueIdentityCredentials(env, call, { pool, identity, logins, ...(input.CustomRoleArn !== undefined ? { customRoleArn: input.CustomRoleArn } : {}) });
    return { IdentityId: identity.id, Credentials: credentials };
  },
});
