// SMS_MFA: the user types the six-digit code the pool texted to their phone_number. A wrong code leaves the Session
// open for another try (../mfa/session.ts); the right one ends the sign-in with the tokens.
import { AwsError } from '../../core/errors';
import { checkSmsAnswer } from '../mfa/answers';
import { signedIn } from '../sign-in-next';
import type { ChallengeAnswer } from './registry';

export const smsMfa: ChallengeAnswer = async (env, call, pool, client, sessionId, responses) => {
  // [P] AWS's wording for a missing challenge response, as for USERNAME.
  if (!responses.SMS_MFA_CODE) throw new AwsError('InvalidParameterException', 'Missing required parameter SMS_MFA_CODE');
  const user = checkSmsAnswer(env, call, pool, client.clientId, sessionId, responses.SMS_MFA_CODE);
  return signedIn(env, call, pool, client, user);
};
