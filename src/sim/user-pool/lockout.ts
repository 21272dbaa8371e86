// The sign-in lockout (aws-behaviour.md §3.5): after 5 consecutive failures the user is locked for 1 s,
// and each further failure doubles it (2^(n−5) s), up to 15 minutes. Attempts during a lock fail with
// "Password attempts exceeded" without extending it. 15 minutes without attempts clears the count.
import type { User } from './model';

const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60_000;
const QUIET_RESET_MS = 15 * 60_000;

export function isLocked(user: User, now: number): boolean {
  return user.lockedUntil !== undefined && now < user.lockedUntil;
}

/** Forgets old failures after 15 quiet minutes. Call before judging an attempt. */
export function forgetStaleFailures(user: User, now: number): void {
  if (user.lastFailedSignInAt !== undefined && now - user.lastFailedSignInAt >= QUIET_RESET_MS) {
    user.failedSignIns = 0;
    delete user.lockedUntil;
    delete user.lastFailedSignInAt;
  }
}

/** Records a failed password; returns the lock end when this failure starts a lock. */
export function recordFailure(user: User, now: number): number | undefined {
  user.failedSignIns += 1;
  user.lastFailedSignInAt = now;
  if (user.failedSignIns < FREE_FAILURES) return undefined;
  const lockMs = Math.min(1000 * 2 ** (user.failedSignIns - FREE_FAILURES), MAX_LOCK_MS);
  user.lockedUntil = now + lockMs;
  return user.lockedUntil;
}

export function recordSuccess(user: User): void {
  user.failedSignIns = 0;
  delete user.lockedUntil;
  delete user.lastFailedSignInAt;
}
