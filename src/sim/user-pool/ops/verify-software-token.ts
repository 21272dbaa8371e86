// VerifySoftwareToken: the user types the first code their authenticator app shows for the new secret; a right one
// "marks the user's software token MFA status as verified" [V BOTO]. Verifying does not turn TOTP MFA on: "Next, you
// can enable TOTP MFA for your user or set TOTP as the preferred MFA method" with SetUserMFAPreference [V COGDOC
// user-pool-settings-mfa-totp.md] (in an MFA_SETUP sign-in, answering the challenge does it). A wrong code is
// EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA" [V ISS
// aws-samples/aws-amplify-auth-starters#15, the response body captured], and the user may try again [V COGDOC:
// "your user can either try again or cancel"; amplify-flutter PR #4532 "Allow retries with verifyTotpSetup()"].
// Status ERROR is in the model, but no capture shows AWS using it for a wrong code [U]; the simulator answers
// SUCCESS or an error.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { requireUserByUsername } from '../lookup';
import { findSessionAnywhere, openMfaSession, spendSession } from '../mfa/session';
import { requireTotpOffered, verifyToken } from '../mfa/software-token';
import { oneCredential } from './associate-software-token';
import { SESSION, TOKEN } from './shapes';

interface Input {
  AccessToken?: string;
  Session?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

export const verifySoftwareToken = defineOperation<Input, { Status: 'SUCCESS' | 'ERROR'; Session?: string }>({
  name: 'VerifySoftwareToken',
  auth: 'none',
  shape: {
    AccessToken: { ...TOKEN, required: false },
    Session: SESSION,
    // SoftwareTokenMFAUserCodeType [V BOTO]: six digits.
    UserCode: { type: 'string', required: true, min: 6, max: 6, pattern: '[0-9]+' },
    FriendlyDeviceName: { type: 'string' },
  },
  async run(env, input, call) {
    oneCredential(input);
    if (input.AccessToken !== undefined) {
      const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
      requireTotpOffered(call, pool);
      await verifyToken(env, call, user, input.UserCode, input.FriendlyDeviceName);
      return { Status: 'SUCCESS' };
    }
    const { pool, session } = findSessionAnywhere(env, input.Session!, 'MFA_SETUP');
    if (session.mfa?.setup !== 'associated') {
      // [P ISS aws-amplify/amplify-js#6461: VerifySoftwareToken with the challenge's Session instead of AssociateSoftwareToken's]
      throw new AwsError('NotAuthorizedException', 'Invalid session for the user.');
    }
    const user = requireUserByUsername(pool, session.username);
    requireTotpOffered(call, pool);
    await verifyToken(env, call, user, input.UserCode, input.FriendlyDeviceName);
    spendSession(pool, session);
    const client = pool.clients.get(session.clientId)!;
    const next = openMfaSession(env, call, pool, client, user.username, 'MFA_SETUP', { setup: 'verified' }, `A new Session, valid for ${client.authSessionValidity} minutes: the app now answers MFA_SETUP with it (RespondToAuthChallenge) to finish signing in.`);
    return { Status: 'SUCCESS', Session: next };
  },
});
