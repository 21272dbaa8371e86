// The custom message trigger [V COGDOC user-pool-lambda-custom-message.md]: invoked before Cognito sends a message
// with a code, so the function can write the text. The code itself never reaches the function: the request carries
// placeholders — codeParameter "{####}", usernameParameter "{username}" for invitations (null otherwise), and
// linkParameter "{##Click Here##}" [V FIX captured events] — and Cognito puts the real code (or temporary password and
// username) where the function wrote them. The response is smsMessage, emailMessage and emailSubject.
// [U] A message without the code placeholder is not used: the default message goes out instead (a message that
// cannot deliver the code would lock the user out).
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { User, UserPool } from '../model';
import { eventAttributes, withClientMetadata } from './event-attributes';
import { runTrigger, triggerFunction, unrecognizable, type Json } from './invoke';

export type CustomMessageSource =
  | 'CustomMessage_SignUp'
  | 'CustomMessage_ResendCode'
  | 'CustomMessage_ForgotPassword'
  | 'CustomMessage_UpdateUserAttribute'
  | 'CustomMessage_VerifyUserAttribute'
  | 'CustomMessage_AdminCreateUser';

export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';
const LINK_PARAMETER = '{##Click Here##}';

/** A message's text from the custom message trigger, with the placeholders still in it. */
export interface MessageText {
  subject?: string;
  body: string;
}

export type CustomTexts = Partial<Record<'EMAIL' | 'SMS', MessageText>>;

/** Puts the real values where the function wrote the placeholders. */
export function fillPlaceholders(text: string, values: { code: string; username?: string }): string {
  const filled = text.split(CODE_PARAMETER).join(values.code);
  return values.username === undefined ? filled : filled.split(USERNAME_PARAMETER).join(values.username);
}

function readTexts(response: Json, admin: boolean): { texts: CustomTexts; changes: string[] } {
  const field = (name: string): string | undefined => {
    const value = response[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw unrecognizable();
    return value.length > 0 ? value : undefined;
  };
  const [emailMessage, emailSubject, smsMessage] = [field('emailMessage'), field('emailSubject'), field('smsMessage')];
  const usable = (text: string | undefined) => text !== undefined && text.includes(CODE_PARAMETER) && (!admin || text.includes(USERNAME_PARAMETER));
  const texts: CustomTexts = {};
  const changes: string[] = [];
  const missing = admin ? `${CODE_PARAMETER} and ${USERNAME_PARAMETER}` : CODE_PARAMETER;
  if (usable(emailMessage)) {
    texts.EMAIL = { body: emailMessage!, ...(emailSubject !== undefined ? { subject: emailSubject } : {}) };
    changes.push(`e-mail text${emailSubject !== undefined ? ' and subject' : ''} from the function`);
  } else if (emailMessage !== undefined) changes.push(`the e-mail text lacks ${missing}, so the default e-mail is sent`);
  if (usable(smsMessage)) {
    texts.SMS = { body: smsMessage! };
    changes.push('SMS text from the function');
  } else if (smsMessage !== undefined) changes.push(`the SMS text lacks ${missing}, so the default SMS is sent`);
  if (changes.length === 0) changes.push('no text in the response: the default message is sent');
  return { texts, changes };
}

/** Runs the pool's custom message trigger, if it has one; the texts to send instead of the defaults. */
export async function customMessage(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  user: User,
  input: { triggerSource: CustomMessageSource; clientId: string; clientMetadata?: Record<string, string> | undefined },
): Promise<CustomTexts | undefined> {
  if (!triggerFunction(pool, 'customMessage')) return undefined;
  const admin = input.triggerSource === 'CustomMessage_AdminCreateUser';
  return runTrigger(
    env,
    call,
    pool,
    {
      trigger: 'customMessage',
      triggerSource: input.triggerSource,
      userName: user.username,
      clientId: input.clientId,
      request: {
        userAttributes: eventAttributes(pool, user),
        codeParameter: CODE_PARAMETER,
        linkParameter: LINK_PARAMETER,
        usernameParameter: admin ? USERNAME_PARAMETER : null,
        ...withClientMetadata(input.clientMetadata),
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    },
    (response) => {
      const { texts, changes } = readTexts(response, admin);
      return { result: texts, changes };
    },
  );
}
