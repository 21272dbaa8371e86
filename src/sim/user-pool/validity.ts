// Token validity: AWS's defaults, ranges and units per app client (aws-behaviour.md §2.5).
import type { TimeUnit } from '../world/config';

const UNIT_MS: Record<TimeUnit, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export const toMs = (value: number, unit: TimeUnit): number => value * UNIT_MS[unit];

export const DEFAULT_VALIDITY = {
  idToken: { value: 1, unit: 'hours' as TimeUnit },
  accessToken: { value: 1, unit: 'hours' as TimeUnit },
  refreshToken: { value: 30, unit: 'days' as TimeUnit },
  authSessionMinutes: 3,
};

/** Allowed ranges in milliseconds: ID and access 5 min – 1 day; refresh 60 min – 3,650 days. */
export const VALIDITY_RANGE_MS = {
  idToken: [5 * 60_000, 86_400_000],
  accessToken: [5 * 60_000, 86_400_000],
  refreshToken: [60 * 60_000, 3_650 * 86_400_000],
} as const;

export function checkValidity(kind: keyof typeof VALIDITY_RANGE_MS, value: number, unit: TimeUnit): string | undefined {
  const ms = toMs(value, unit);
  const [min, max] = VALIDITY_RANGE_MS[kind];
  if (ms < min || ms > max) {
    const label = kind === 'idToken' ? 'ID token' : kind === 'accessToken' ? 'Access token' : 'Refresh token';
    return kind === 'refreshToken'
      ? `${label} validity must be between 60 minutes and 3650 days.`
      : `${label} validity must be between 5 minutes and 1 day.`;
  }
  return undefined;
}
