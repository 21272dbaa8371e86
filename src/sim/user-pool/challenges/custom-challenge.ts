// CUSTOM_CHALLENGE: the user's ANSWER to a challenge the create auth challenge trigger made. The verify auth challenge
// response trigger judges it against the private parameters the Session kept, the round joins the history, and the
// define auth challenge trigger decides what follows (../triggers/custom-auth.ts).
import { AwsError } from '../../core/errors';
import { takeSession } from '../sessions';
import { answerCustomChallenge } from '../triggers/custom-auth';
import type { ChallengeAnswer } from './registry';

export const customChallenge: ChallengeAnswer = async (env, call, pool, client, sessionId, responses) => {
  // [U] The message, by analogy with the other missing parameters; checked before the Session is used up.
  if (responses.ANSWER === undefined) throw new AwsError('InvalidParameterException', 'Missing required parameter ANSWER');
  const session = takeSession(env, pool, client, sessionId, 'CUSTOM_CHALLENGE');
  return answerCustomChallenge(env, call, pool, client, session, responses.ANSWER);
};
