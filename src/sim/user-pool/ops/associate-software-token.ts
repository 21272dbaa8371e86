// AssociateSoftwareToken: the pool makes a new TOTP secret for the user and returns it once, as SecretCode (base32,
// 32 random bytes: 52 characters). The app shows it, usually as a QR code of an otpauth:// URI it builds itself, so
// the user can add it to an authenticator app; the secret never travels again. It takes an access token (a
// signed-in user adding MFA) or the Session of an MFA_SETUP challenge (a user the pool requires to set MFA up
// during sign-in), "but not both" [V COGDOC user-pool-settings-mfa-totp.md]; with a Session it returns a new one
// for VerifySoftwareToken. "Calling AssociateSoftwareToken immediately disassociates the existing software token
// from the user account" [V same page]: the old authenticator stops working until the new one is verified.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { requireUserByUsername } from '../lookup';
import { findSessionAnywhere, openMfaSession, spendSession } from '../mfa/session';
import { associateToken, requireTotpOffered } from '../mfa/software-token';
import { SESSION, TOKEN } from './shapes';

interface Input {
  AccessToken?: string;
  Session?: string;
}

/** One of AccessToken and Session, never both. [U] AWS's wording when the rule is broken is not documented. */
export function oneCredential(input: { AccessToken?: string; Session?: string }): void {
  if (input.AccessToken !== undefined && input.Session !== undefined) throw new AwsError('InvalidParameterException', 'Only one of AccessToken or Session can be provided.');
  if (input.AccessToken === undefined && input.Session === undefined) throw new AwsError('InvalidParameterException', 'Either AccessToken or Session must be provided.');
}

export const associateSoftwareToken = defineOperation<Input, { SecretCode: string; Session?: string }>({
  name: 'AssociateSoftwareToken',
  auth: 'none',
  shape: { AccessToken: { ...TOKEN, required: false }, Session: SESSION },
  async run(env, input, call) {
    oneCredential(input);
    if (input.AccessToken !== undefined) {
      const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
      requireTotpOffered(call, pool);
      return { SecretCode: associateToken(env, call, user, 'with their access token') };
    }
    const { pool, session } = findSessionAnywhere(env, input.Session!, 'MFA_SETUP');
    if (session.mfa?.setup !== 'challenged' && session.mfa?.setup !== 'associated') {
      // [P ISS aws-amplify/amplify-js#6461] a Session from another step of the setup.
      throw new AwsError('NotAuthorizedException', 'Invalid session for the user.');
    }
    const user = requireUserByUsername(pool, session.username);
    requireTotpOffered(call, pool);
    const client = pool.clients.get(session.clientId)!;
    const secret = associateToken(env, call, user, 'during sign-in (the MFA_SETUP challenge)');
    spendSession(pool, session);
    const next = openMfaSession(env, call, pool, client, user.username, 'MFA_SETUP', { setup: 'associated' }, `A new Session for VerifySoftwareToken, valid for ${client.authSessionValidity} minutes: the sign-in is still waiting for MFA_SETUP.`);
    return { SecretCode: secret, Session: next };
  },
});
