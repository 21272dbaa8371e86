// SELECT_MFA_TYPE: a user with SMS and TOTP MFA both on and neither preferred picks one for this sign-in
// (ChallengeResponses ANSWER = SMS_MFA or SOFTWARE_TOKEN_MFA); the pool then asks that factor's challenge with a
// new Session [V AWS CLI example of respond-to-auth-challenge: SELECT_MFA_TYPE answered SOFTWARE_TOKEN_MFA returns
// the SOFTWARE_TOKEN_MFA challenge with FRIENDLY_DEVICE_NAME].
import { AwsError } from '../../core/errors';
import { checkChoice } from '../mfa/answers';
import { CHALLENGE_OF } from '../mfa/model';
import { askFor, workingFactors } from '../mfa/second-factor';
import { requireUserByUsername } from '../lookup';
import { findMfaSession } from '../mfa/session';
import type { ChallengeAnswer } from './registry';

export const selectMfaType: ChallengeAnswer = async (env, call, pool, client, sessionId, responses) => {
  // [P] AWS's wording for a missing challenge response, as for USERNAME.
  if (!responses.ANSWER) throw new AwsError('InvalidParameterException', 'Missing required parameter ANSWER');
  const session = findMfaSession(env, pool, client.clientId, sessionId, 'SELECT_MFA_TYPE');
  const offered = workingFactors(requireUserByUsername(pool, session.username)).map((f) => CHALLENGE_OF[f]);
  const { user, challenge } = checkChoice(env, call, pool, client.clientId, sessionId, responses.ANSWER, offered);
  call.note({ kind: 'mfa', factor: challenge === 'SMS_MFA' ? 'SMS' : 'TOTP', step: 'challenge', outcome: 'ok', summary: `${user.username} chose ${challenge} for this sign-in; the choice is not remembered (SetUserMFAPreference with PreferredMfa would make it the default).` });
  return askFor(env, call, pool, client, user, challenge);
};
