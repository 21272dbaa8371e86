// What every hosted-UI endpoint is given: the user pools, the hosted UI's state, the pool whose domain was called,
// and the exchange being handled (for notes and nested calls).
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from '../user-pool/env';
import type { UserPool } from '../user-pool/model';
import type { HostedUiState } from './state';
import type { OAuthStep } from '../core/trace-types';

export interface HostedUiContext {
  env: UserPoolEnv;
  state: HostedUiState;
  pool: UserPool;
  call: ServiceContext;
  /** https://{prefix}.auth.{region}.amazoncognito.com */
  origin: string;
}

export type Handler = (ctx: HostedUiContext) => Promise<Response>;

/** Records one OAuth decision on the exchange. */
export function oauthNote(
  ctx: HostedUiContext,
  step: OAuthStep,
  outcome: 'ok' | 'refused',
  summary: string,
  extra: { clientId?: string; scopes?: string[]; error?: string } = {},
): void {
  ctx.call.note({ kind: 'oauth', summary, step, outcome, ...extra });
}
