// What the hosted UI remembers between the pages of one sign-up, password reset or password change, on the server
// beside its sessions: which user, for which app client, until when. The browser holds only an opaque handle — the
// `cognito-flow` cookie that /signup and /forgotPassword set before redirecting to /confirm and /confirmforgotPassword
// [V LIVE managed-login-endpoints.html: "Only redirect from /signup", "Only redirect from /forgotPassword"], or a hidden
// `session` field on the change-password form. [U] AWS's own cookie names and lifetimes for these steps are not
// documented; the names here are the simulator's.
// The records live in a WeakMap keyed by the hosted UI's state, so every simulator has its own and nothing leaks
// between simulators.
import { toBase64Url } from '../../lib/encoding';
import type { CodeDeliveryDetails } from '../user-pool/codes';
import type { HostedUiContext } from './context';
import { readCookie } from './cookies';
import type { HostedUiState } from './state';

export const FLOW_COOKIE = 'cognito-flow';

export type FlowKind = 'sign-up' | 'reset' | 'new-password';

export interface PageFlow {
  id: string;
  kind: FlowKind;
  poolId: string;
  clientId: string;
  username: string;
  /** Where the code went, masked as the API masks it (sign-up and reset). */
  delivery?: CodeDeliveryDetails;
  expiresAt: number;
}

const flows = new WeakMap<HostedUiState, Map<string, PageFlow>>();

function flowsOf(state: HostedUiState): Map<string, PageFlow> {
  let map = flows.get(state);
  if (!map) {
    map = new Map();
    flows.set(state, map);
  }
  return map;
}

export function startFlow(ctx: HostedUiContext, flow: Omit<PageFlow, 'id' | 'poolId'>): PageFlow {
  const record: PageFlow = { ...flow, id: toBase64Url(ctx.env.random.bytes(32)), poolId: ctx.pool.id };
  flowsOf(ctx.state).set(record.id, record);
  return record;
}

/** The flow a handle names, if it is this pool's, of this kind and unexpired. */
export function findFlow(ctx: HostedUiContext, id: string | undefined, kind: FlowKind): PageFlow | undefined {
  if (!id) return undefined;
  const map = flowsOf(ctx.state);
  const flow = map.get(id);
  if (!flow || flow.poolId !== ctx.pool.id || flow.kind !== kind) return undefined;
  if (ctx.env.clock.now() >= flow.expiresAt) {
    map.delete(id);
    return undefined;
  }
  return flow;
}

/** The flow the request's `cognito-flow` cookie names. */
export function flowFromCookie(ctx: HostedUiContext, kind: FlowKind): PageFlow | undefined {
  return findFlow(ctx, readCookie(ctx.call.headers, FLOW_COOKIE), kind);
}

export function endFlow(ctx: HostedUiContext, flow: PageFlow): void {
  flowsOf(ctx.state).delete(flow.id);
}

export function flowCookie(flow: PageFlow, now: number): string {
  return `${FLOW_COOKIE}=${flow.id}; Max-Age=${Math.round((flow.expiresAt - now) / 1000)}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

export function clearedFlowCookie(): string {
  return `${FLOW_COOKIE}=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax`;
}
