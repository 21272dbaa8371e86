// The hosted UI's own state beside the user pools: authorization codes (one-time, valid 5 minutes), browser
// sessions behind the `cognito` cookie (1 hour), the scopes each OAuth refresh token was granted (refreshes keep
// them), and each pool's resource servers with their custom scopes.
import type { ResourceServerConfig } from '../world/config';
import type { PendingFederation } from './federation/types';

/** [V COGDOC authorization-endpoint.md] "a one time use code that is valid for five minutes". */
export const CODE_VALIDITY_MS = 5 * 60_000;
/** [V aws-behaviour.md §2.5] the hosted UI session cookie lasts 1 hour. */
export const SESSION_VALIDITY_MS = 60 * 60_000;

export interface AuthorizationCode {
  code: string;
  poolId: string;
  clientId: string;
  username: string;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  authTime: number;
  expiresAt: number;
  /** Codes are used once: a redeemed code stays here so a second use can be told apart from a made-up one. */
  redeemed: boolean;
}

export interface BrowserSession {
  id: string;
  poolId: string;
  username: string;
  authTime: number;
  expiresAt: number;
}

export interface HostedUiState {
  codes: Map<string, AuthorizationCode>;
  sessions: Map<string, BrowserSession>;
  /** Refresh token → the scopes its sign-in was granted. */
  refreshScopes: Map<string, string[]>;
  /** Pool name → its resource servers (from the world). */
  resourceServers: Map<string, ResourceServerConfig[]>;
  /** Relay state → the app's authorization request, parked while the browser is at a federated identity provider. */
  federations: Map<string, PendingFederation>;
}

export function createHostedUiState(resourceServers: Iterable<[string, ResourceServerConfig[]]>): HostedUiState {
  return { codes: new Map(), sessions: new Map(), refreshScopes: new Map(), resourceServers: new Map(resourceServers), federations: new Map() };
}
