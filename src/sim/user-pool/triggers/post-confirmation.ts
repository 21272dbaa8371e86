// The post confirmation trigger [V COGDOC user-pool-lambda-post-confirmation.md]: "Your user pool invokes your post
// confirmation function on ConfirmSignUp, AdminConfirmSignUp, and ConfirmForgotPassword", after the change, with the
// user's current attributes. Its response has no parameters: whatever the function returns, Cognito ignores. A
// failure still reaches the caller as AWS's error, but the confirmation already happened and stands
// [P ISS aws-amplify/amplify-cli#2735: "the user is actually confirmed in the user pool"].
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { User, UserPool } from '../model';
import { eventAttributes, withClientMetadata } from './event-attributes';
import { runTrigger, triggerFunction } from './invoke';

export async function postConfirmation(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  user: User,
  input: { triggerSource: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword'; clientId: string; clientMetadata?: Record<string, string> | undefined },
): Promise<void> {
  if (!triggerFunction(pool, 'postConfirmation')) return;
  await runTrigger(
    env,
    call,
    pool,
    {
      trigger: 'postConfirmation',
      triggerSource: input.triggerSource,
      userName: user.username,
      clientId: input.clientId,
      request: { userAttributes: eventAttributes(pool, user), ...withClientMetadata(input.clientMetadata) },
      response: {},
    },
    (response) => ({
      result: undefined,
      changes: [],
      summary: `Post confirmation trigger: after ${input.triggerSource === 'PostConfirmation_ConfirmSignUp' ? 'confirming' : 'resetting the password of'} ${user.username}, Cognito invoked ${pool.lambdaTriggers!.postConfirmation} (${input.triggerSource}). ${Object.keys(response).length > 0 ? `The function answered ${Object.keys(response).join(', ')} in its response, and Cognito ignores it: this trigger's response has no parameters.` : 'Its response has no parameters: Cognito only waits for it to finish.'}`,
    }),
  );
}
