// AWS's per-user hourly limits on code-related operations (aws-behaviour.md §3.6). Over the limit the
// call fails with LimitExceededException and nothing else happens.
import { AwsError } from '../core/errors';
import type { User } from './model';

export const HOURLY_LIMITS = {
  ResendConfirmationCode: 5,
  ForgotPassword: 5,
  ConfirmForgotPassword: 10,
  ConfirmSignUp: 15,
  ChangePassword: 5,
  GetUserAttributeVerificationCode: 5,
  VerifyUserAttribute: 15,
} as const;

const HOUR = 3_600_000;

export function limitExceeded(): AwsError {
  return new AwsError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
}

/** Counts a call; throws when the user already made `limit` calls of this kind in the past hour. */
export function countCall(user: User, operation: keyof typeof HOURLY_LIMITS, now: number): void {
  const recent = (user.recentCalls.get(operation) ?? []).filter((t) => t > now - HOUR);
  if (recent.length >= HOURLY_LIMITS[operation]) {
    user.recentCalls.set(operation, recent);
    throw limitExceeded();
  }
  recent.push(now);
  user.recentCalls.set(operation, recent);
}
