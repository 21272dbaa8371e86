// MFA_SETUP: the pool requires MFA and the user had no factor. The app has already associated and verified a
// software token with the Session (AssociateSoftwareToken → VerifySoftwareToken); it answers MFA_SETUP with the
// Session VerifySoftwareToken returned, and the sign-in ends with the tokens [V BOTO RespondToAuthChallenge doc,
// MFA_SETUP: the challenge's session goes to AssociateSoftwareToken, then VerifySoftwareToken's session answers
// MFA_SETUP]. TOTP is then on and preferred for the user [P amplify-flutter
// mfa_sms_totp_required_test: after setup the user's MFA preference is enabled {TOTP}, preferred TOTP].
import { AwsError } from '../../core/errors';
import { requireUserByUsername } from '../lookup';
import { verifiedToken } from '../mfa/model';
import { findMfaSession, spendSession } from '../mfa/session';
import { finishSetup } from '../mfa/software-token';
import { signedIn } from '../sign-in-next';
import type { ChallengeAnswer } from './registry';

export const mfaSetup: ChallengeAnswer = async (env, call, pool, client, sessionId) => {
  const session = findMfaSession(env, pool, client.clientId, sessionId, 'MFA_SETUP');
  const user = requireUserByUsername(pool, session.username);
  if (session.mfa?.setup !== 'verified' || !verifiedToken(user)) {
    call.note({ kind: 'mfa', factor: 'TOTP', step: 'challenge', outcome: 'refused', summary: 'MFA_SETUP is answered with the Session that VerifySoftwareToken returned, after a software token was associated and verified with it; this Session has not got that far.' });
    // [P ISS aws-amplify/amplify-js#6461: a Session from the wrong step of the setup is refused with this message]
    throw new AwsError('NotAuthorizedException', 'Invalid session for the user.');
  }
  spendSession(pool, session);
  finishSetup(env, call, user);
  return signedIn(env, call, pool, client, user);
};
