// The actions that end a rule: forward (to a target, nested), fixed-response and redirect (answered by the
// load balancer itself). An authenticate-cognito action runs first and hands on to one of these.
import type { ServiceContext } from '../core/router';
import { forwardToTarget, type ForwardOptions } from './forward';
import type { AlbEnv, FinalAction } from './model';
import { albRedirect, fixedResponse, redirectLocation } from './responses';

export async function runFinal(env: AlbEnv, ctx: ServiceContext, action: FinalAction, forward: ForwardOptions = { stripOidc: false }): Promise<Response> {
  switch (action.type) {
    case 'forward':
      return forwardToTarget(env, ctx, action.target, forward);
    case 'fixed-response':
      ctx.note({ kind: 'info', summary: `fixed-response: the load balancer answers ${action.statusCode} itself; no target sees the request.` });
      return fixedResponse(action, forward.setCookies);
    case 'redirect': {
      const status = action.statusCode === 'HTTP_301' ? 301 : 302;
      const location = redirectLocation(action, ctx.url);
      ctx.note({ kind: 'info', summary: `redirect action: ${status} to ${location}.` });
      return albRedirect(location, status, forward.setCookies);
    }
  }
}
