// SOFTWARE_TOKEN_MFA: the user types the current code of their authenticator app (TOTP). The pool computes the same
// code from the secret it shares with the app; a code is good within one 30-second window either side, once.
import { AwsError } from '../../core/errors';
import { checkTotpAnswer } from '../mfa/answers';
import { signedIn } from '../sign-in-next';
import type { ChallengeAnswer } from './registry';

export const softwareTokenMfa: ChallengeAnswer = async (env, call, pool, client, sessionId, responses) => {
  // [P] AWS's wording for a missing challenge response, as for USERNAME.
  if (!responses.SOFTWARE_TOKEN_MFA_CODE) throw new AwsError('InvalidParameterException', 'Missing required parameter SOFTWARE_TOKEN_MFA_CODE');
  const user = await checkTotpAnswer(env, call, pool, client.clientId, sessionId, responses.SOFTWARE_TOKEN_MFA_CODE);
  return signedIn(env, call, pool, client, user);
};
