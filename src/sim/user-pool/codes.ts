// Verification codes: six digits from the seeded random source, "delivered" to the simulator's outbox,
// valid 24 h for sign-up and attribute verification and 1 h for a password reset (aws-behaviour.md §3.6).
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { CodePurpose } from '../core/trace-types';
import { maskDestination } from './attributes';
import type { UserPoolEnv } from './env';
import type { IssuedCode } from './model';
import { fillPlaceholders, type CustomTexts } from './triggers/custom-message';

export const CODE_VALIDITY_MS: Record<Exclude<CodePurpose, 'temporary-password'>, number> = {
  'sign-up': 24 * 3_600_000,
  'attribute-verification': 24 * 3_600_000,
  'forgot-password': 3_600_000,
};

/** Wrong guesses allowed on one code before it is spent. [U] AWS does not publish this number. */
export const MAX_CODE_FAILURES = 5;

const TEMPLATES: Record<Exclude<CodePurpose, 'temporary-password'>, { subject: string; body: (code: string) => string }> = {
  'sign-up': { subject: 'Your verification code', body: (c) => `Your verification code is ${c}. ` },
  'attribute-verification': { subject: 'Your verification code', body: (c) => `Your verification code is ${c}. ` },
  'forgot-password': { subject: 'Your verification code', body: (c) => `Your password reset code is ${c}. ` },
};

const PURPOSE_LABEL: Record<Exclude<CodePurpose, 'temporary-password'>, string> = {
  'sign-up': 'A sign-up confirmation code',
  'attribute-verification': 'An attribute verification code',
  'forgot-password': 'A password reset code',
};

export interface Delivery {
  channel: 'EMAIL' | 'SMS';
  destination: string;
  attributeName: string;
}

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  AttributeName: string;
}

export function sendCode(
  env: UserPoolEnv,
  call: ServiceContext,
  purpose: Exclude<CodePurpose, 'temporary-password'>,
  delivery: Delivery,
  /** [TRIGGERS] The custom message trigger's texts; {####} marks where the code goes. */
  custom?: CustomTexts,
): { issued: IssuedCode; details: CodeDeliveryDetails } {
  const now = env.clock.now();
  const code = env.random.digits(6);
  const issued: IssuedCode = { code, expiresAt: now + CODE_VALIDITY_MS[purpose], failedAttempts: 0 };
  const template = TEMPLATES[purpose];
  const text = custom?.[delivery.channel];
  env.outbox.deliver({
    channel: delivery.channel,
    destination: delivery.destination,
    ...(delivery.channel === 'EMAIL' ? { subject: text?.subject ?? template.subject } : {}),
    body: text ? fillPlaceholders(text.body, { code }) : template.body(code),
    code,
    at: now,
  });
  const hours = CODE_VALIDITY_MS[purpose] / 3_600_000;
  call.note({
    kind: 'code-sent',
    summary: `${PURPOSE_LABEL[purpose]} was sent by ${delivery.channel === 'EMAIL' ? 'e-mail' : 'SMS'} to ${delivery.destination}${text ? ', in the words of the custom message trigger' : ''}; it is valid for ${hours} hour${hours === 1 ? '' : 's'}.`,
    purpose,
    channel: delivery.channel,
    destination: delivery.destination,
    expiresAt: issued.expiresAt,
  });
  return {
    issued,
    details: { Destination: maskDestination(delivery.channel, delivery.destination), DeliveryMedium: delivery.channel, AttributeName: delivery.attributeName },
  };
}

/**
 * Checks a submitted code. Throws AWS's error for a missing or expired code (ExpiredCodeException),
 * a wrong one (CodeMismatchException) or one guessed wrong too often (LimitExceededException).
 * Returns normally when it matches; the caller then removes the code so it cannot be used twice.
 */
export function checkCode(call: ServiceContext, purpose: CodePurpose, issued: IssuedCode | undefined, submitted: string, now: number): void {
  const summaryFor = (outcome: string) => `The ${purpose} code was checked: ${outcome}.`;
  if (!issued || now >= issued.expiresAt) {
    call.note({ kind: 'code-checked', summary: summaryFor(issued ? 'it has expired' : 'no code was requested, or it was already used'), purpose, outcome: issued ? 'expired' : 'missing' });
    throw new AwsError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
  }
  if (issued.failedAttempts >= MAX_CODE_FAILURES) {
    call.note({ kind: 'code-checked', summary: summaryFor('too many wrong attempts'), purpose, outcome: 'limit-exceeded' });
    throw new AwsError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  }
  if (issued.code !== submitted) {
    issued.failedAttempts += 1;
    call.note({ kind: 'code-checked', summary: summaryFor(`it does not match (${issued.failedAttempts} wrong so far)`), purpose, outcome: 'mismatch' });
    throw new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
  call.note({ kind: 'code-checked', summary: summaryFor('it matches'), purpose, outcome: 'valid' });
}
