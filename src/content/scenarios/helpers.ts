// Small readers over recorded exchanges, for scenario outcome checks.
import type { Exchange } from '../../sim/index';
import { decodeJwt } from '../../client/jwt';

export function responseJson(x: Exchange): Record<string, unknown> {
  try {
    return JSON.parse(x.response.body ?? '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function errorType(x: Exchange): string | undefined {
  const t = responseJson(x).__type;
  return typeof t === 'string' ? t : undefined;
}

export function authTokens(x: Exchange): { IdToken?: string; AccessToken?: string; RefreshToken?: string } {
  return (responseJson(x).AuthenticationResult ?? {}) as { IdToken?: string; AccessToken?: string; RefreshToken?: string };
}

export function idClaims(x: Exchange): Record<string, unknown> {
  const token = authTokens(x).IdToken;
  return (token && decodeJwt(token)?.payload) || {};
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** Scenarios start at a fixed, readable moment. */
export const SCENARIO_START = Date.UTC(2026, 2, 2, 9, 0, 0);
