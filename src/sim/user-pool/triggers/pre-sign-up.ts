// The pre sign-up trigger [V COGDOC user-pool-lambda-pre-sign-up.md]: invoked just before Cognito creates a user, by
// SignUp (PreSignUp_SignUp) and AdminCreateUser (PreSignUp_AdminCreateUser). Throwing refuses the sign-up; the response
// can confirm the user at once (autoConfirmUser, so no confirmation code is sent) and mark the e-mail or phone verified
// (autoVerifyEmail, autoVerifyPhone; a verified alias held by another user moves to the new one). Cognito ignores
// the response when AdminCreateUser invoked it. A user confirmed this way does not fire the post confirmation trigger:
// that one runs on ConfirmSignUp, AdminConfirmSignUp and ConfirmForgotPassword only.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { AttributeType } from '../attributes';
import type { UserPoolEnv } from '../env';
import type { User, UserPool } from '../model';
import { withClientMetadata } from './event-attributes';
import { runTrigger, triggerFunction, unrecognizable, type Json } from './invoke';

export interface PreSignUpVerdict {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

export interface PreSignUpInput {
  triggerSource: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser';
  userName: string;
  attributes: ReadonlyMap<string, string>;
  clientId: string;
  validationData?: AttributeType[] | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

const FLAGS = ['autoConfirmUser', 'autoVerifyEmail', 'autoVerifyPhone'] as const;

function readVerdict(response: Json, attributes: ReadonlyMap<string, string>): PreSignUpVerdict {
  const verdict = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
  for (const flag of FLAGS) {
    const value = response[flag];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') throw unrecognizable();
    verdict[flag] = value;
  }
  // [V COGDOC] "If autoVerifyEmail is set to true, the email attribute must have a valid, non-null value. Otherwise an
  // error will occur and the user will not be able to complete sign-up." [U] which error: InvalidParameterException.
  for (const [flag, attribute] of [['autoVerifyEmail', 'email'], ['autoVerifyPhone', 'phone_number']] as const) {
    if (verdict[flag] && !attributes.get(attribute)) throw new AwsError('InvalidParameterException', `Cannot set ${flag} to true: the user has no ${attribute} attribute.`);
  }
  return verdict;
}

/** Runs the pool's pre sign-up trigger, if it has one; undefined when it has none. Throws AWS's error to refuse. */
export async function preSignUp(env: UserPoolEnv, call: ServiceContext, pool: UserPool, input: PreSignUpInput): Promise<PreSignUpVerdict | undefined> {
  if (!triggerFunction(pool, 'preSignUp')) return undefined;
  const validationData = input.validationData && input.validationData.length > 0 ? Object.fromEntries(input.validationData.map((a) => [a.Name, a.Value ?? ''])) : null;
  const admin = input.triggerSource === 'PreSignUp_AdminCreateUser';
  return runTrigger(
    env,
    call,
    pool,
    {
      trigger: 'preSignUp',
      triggerSource: input.triggerSource,
      userName: input.userName,
      clientId: input.clientId,
      request: { userAttributes: Object.fromEntries(input.attributes), validationData, ...withClientMetadata(input.clientMetadata) },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    },
    (response) => {
      if (admin) {
        // [V COGDOC] "Response parameters autoVerifyPhone, autoVerifyEmail and autoConfirmUser are ignored by Amazon
        // Cognito when the Pre Sign-up lambda is triggered by the AdminCreateUser API."
        return { result: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false }, changes: ['the function let the user be created (Cognito ignores its response for AdminCreateUser)'] };
      }
      const verdict = readVerdict(response, input.attributes);
      const changes = FLAGS.filter((f) => verdict[f]).map((f) => `${f}: true`);
      return { result: verdict, changes: changes.length > 0 ? changes : ['the function let the sign-up go ahead unchanged'] };
    },
  );
}

/** What the verdict does to the new user: CONFIRMED at once, e-mail or phone verified (moving a verified alias). */
export function applyPreSignUp(call: ServiceContext, pool: UserPool, user: User, verdict: PreSignUpVerdict | undefined): void {
  if (!verdict) return;
  for (const [flag, attribute] of [['autoVerifyEmail', 'email'], ['autoVerifyPhone', 'phone_number']] as const) {
    if (!verdict[flag]) continue;
    const value = user.attributes.get(attribute)!;
    user.attributes.set(`${attribute}_verified`, 'true');
    if (!pool.aliasAttributes.includes(attribute)) continue;
    const other = [...pool.users.values()].find((u) => u !== user && u.attributes.get(attribute)?.toLowerCase() === value.toLowerCase() && u.attributes.get(`${attribute}_verified`) === 'true');
    if (other) {
      other.attributes.set(`${attribute}_verified`, 'false');
      call.note({ kind: 'user-changed', summary: `The ${attribute} alias ${value} moved from ${other.username} to ${user.username}: the pre sign-up trigger verified it for the new user, so the old holder's ${attribute} is now unverified.`, username: other.username, change: 'alias removed' });
    }
  }
  if (verdict.autoConfirmUser) user.status = 'CONFIRMED';
  if (verdict.autoConfirmUser || verdict.autoVerifyEmail || verdict.autoVerifyPhone) {
    const what = [verdict.autoConfirmUser && 'CONFIRMED without a code', verdict.autoVerifyEmail && 'e-mail verified', verdict.autoVerifyPhone && 'phone number verified'].filter(Boolean).join(', ');
    call.note({ kind: 'user-changed', summary: `The pre sign-up trigger's answer applies to ${user.username}: ${what}.`, username: user.username, change: what });
  }
}
