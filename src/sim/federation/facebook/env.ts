// The simulated Facebook's state: its apps, browser sessions (the xs cookie), one-time codes from the Login dialog
// and the user access tokens it issued. [U] Codes last 10 minutes; [P] tokens from the server-side code exchange are
// long-lived (expires_in about 60 days, 5183944 s in captured answers), tokens handed to the browser directly
// (response_type=token) short-lived (about two hours); [U] the Facebook session lasts 90 days here.
import type { Clock } from '../../core/clock';
import type { Random } from '../../core/random';
import type { IdpApps } from '../apps';

export const FACEBOOK_CODE_VALIDITY_MS = 10 * 60_000;
export const FACEBOOK_LONG_TOKEN_S = 5_183_944;
export const FACEBOOK_SHORT_TOKEN_S = 7_200;
export const FACEBOOK_SESSION_MS = 90 * 24 * 3_600_000;
export const FACEBOOK_SESSION_COOKIE = 'xs';
export const GRAPH_VERSION = 'v17.0';

export interface FacebookDialogRequest {
  appId: string;
  redirectUri: string;
  responseType: 'code' | 'token';
  /** Permissions asked for: public_profile always, email when asked. */
  permissions: string[];
  state?: string;
}

export interface FacebookEnv {
  clock: Clock;
  random: Random;
  apps: IdpApps;
  sessions: Map<string, { userId: string; expiresAt: number }>;
  codes: Map<string, { request: FacebookDialogRequest; userId: string; expiresAt: number; used: boolean }>;
  tokens: Map<string, { userId: string; appId: string; permissions: string[]; expiresAt: number }>;
}
