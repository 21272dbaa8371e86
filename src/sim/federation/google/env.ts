// The simulated Google's state: its OAuth clients, signing keys, browser sessions (the SID cookie), one-time
// authorization codes and the access tokens it issued. Validities: [U] codes last 10 minutes (Google does not
// publish it; RFC 6749 §4.1.2 recommends at most 10); [V developers.google.com/identity/protocols/oauth2: access
// tokens expire_in 3599 seconds]; ID tokens last one hour [V openid-connect docs: "exp … one hour"]; [U] the Google
// session lasts 14 days here.
import type { Clock } from '../../core/clock';
import type { Random } from '../../core/random';
import type { IdpApps } from '../apps';
import type { GoogleKeys } from './keys';

export const GOOGLE_ISSUER = 'https://accounts.google.com';
export const GOOGLE_CODE_VALIDITY_MS = 10 * 60_000;
export const GOOGLE_TOKEN_LIFETIME_S = 3599;
export const GOOGLE_ID_TOKEN_LIFETIME_S = 3600;
export const GOOGLE_SESSION_MS = 14 * 24 * 3_600_000;
export const GOOGLE_SESSION_COOKIE = 'SID';

/** The scopes Google knows, by the short names an app may use; the long names are userinfo URLs. */
export type GoogleScope = 'openid' | 'email' | 'profile';

export interface GoogleAuthRequest {
  clientId: string;
  redirectUri: string;
  responseTypes: ('code' | 'token' | 'id_token')[];
  scopes: GoogleScope[];
  state?: string;
  nonce?: string;
  prompt?: string;
}

export interface GoogleCode {
  code: string;
  request: GoogleAuthRequest;
  sub: string;
  authTime: number;
  expiresAt: number;
  used: boolean;
}

export interface GoogleEnv {
  clock: Clock;
  random: Random;
  apps: IdpApps;
  keys: GoogleKeys;
  sessions: Map<string, { sub: string; authTime: number; expiresAt: number }>;
  codes: Map<string, GoogleCode>;
  accessTokens: Map<string, { sub: string; clientId: string; scopes: GoogleScope[]; expiresAt: number }>;
}
