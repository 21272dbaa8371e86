// Checking a code from the user's authenticator app: RFC 6238 with SHA-1, six digits and 30-second steps, on the
// virtual clock. Cognito "accepts TOTP tokens that are one 30-second window early or late to account for clock
// skew" [V COGDOC user-pool-settings-mfa-totp.md], and a code works once: "Cognito allows a +/- 1 interval range for
// codes and codes cannot be reused" [P aws-amplify/amplify-flutter integration_test/utils/totp_utils.dart, AWS's
// SDK tests against a real pool]. A reused code is answered with ExpiredCodeException "Your software token has
// already been used once." [P aws-amplify/amplify-swift AuthIntegrationTests/MFATests/MFASignInTests.swift, which
// sleeps 30 s after VerifySoftwareToken to avoid exactly this RespondToAuthChallenge error]. As RFC 6238 §5.2
// asks, an accepted step also closes the steps before it, so an older code cannot be played after a newer one.
import { fromBase32, hotp, sameCode, totpCounter } from '../../../lib/totp';
import type { User } from '../model';
import { editMfa, mfaOf } from './model';

export type TotpCheck =
  | { outcome: 'valid'; step: number; drift: -1 | 0 | 1 }
  | { outcome: 'mismatch' }
  | { outcome: 'reused'; step: number };

/** Checks `code` against the base32 `secret` at `now`; a valid code is recorded as used on the user. */
export async function checkTotpCode(user: User, secret: string, code: string, now: number): Promise<TotpCheck> {
  const current = totpCounter(now);
  const key = fromBase32(secret);
  for (const drift of [0, -1, 1] as const) {
    const step = current + drift;
    if (!sameCode(await hotp(key, step), code)) continue;
    const last = mfaOf(user).lastTotpStep;
    if (last !== undefined && step <= last) return { outcome: 'reused', step };
    editMfa(user).lastTotpStep = step;
    return { outcome: 'valid', step, drift };
  }
  return { outcome: 'mismatch' };
}

/** Plain words for a learner: which 30-second window the code belonged to. */
export function driftWords(drift: -1 | 0 | 1): string {
  return drift === 0 ? 'the current 30-second window' : drift < 0 ? 'the previous 30-second window (accepted: Cognito allows one window of clock skew)' : 'the next 30-second window (accepted: Cognito allows one window of clock skew)';
}
