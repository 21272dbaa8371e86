// The hosted UI and OAuth 2.0 endpoints of every user pool with a domain, at https://{prefix}.auth.{region}.amazoncognito.com
// (aws-behaviour.md §4): one handler per endpoint, routed by path and method.
import type { Service } from '../core/router';
import type { UserPoolEnv } from '../user-pool/env';
import type { UserPool } from '../user-pool/model';
import type { UserPoolConfig } from '../world/config';
import type { Handler } from './context';
import { authorize } from './authorize';
import { loginForm, loginSubmit } from './login';
import { logout } from './logout';
import { errorPage, messagePage, notSimulatedPage } from './pages';
import { html } from './responses';
import { revoke } from './revoke';
import { createHostedUiState } from './state';
import { token } from './token';
import { userInfo } from './userinfo';

export const hostedUiHost = (region: string, domainPrefix: string): string => `${domainPrefix}.auth.${region}.amazoncognito.com`;

const notSimulated = (title: string, what: string): Handler => async () => html(501, notSimulatedPage(title, what));

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/oauth2/authorize': { GET: authorize },
  '/login': { GET: loginForm, POST: loginSubmit },
  '/oauth2/token': { POST: token },
  '/oauth2/userInfo': { GET: userInfo, POST: userInfo },
  '/logout': { GET: logout },
  '/oauth2/revoke': { POST: revoke },
  // [P] Where an invalid client or redirect URI lands; AWS answers 400 with its error page.
  '/error': { GET: async (ctx) => html(400, errorPage(ctx.call.url.searchParams.get('error') ?? 'error')) },
  '/signup': { GET: notSimulated('Sign up', 'the hosted sign-up page. Use the SignUp and ConfirmSignUp API operations instead.') },
  '/forgotPassword': { GET: notSimulated('Forgot your password?', 'the hosted password-reset page. Use the ForgotPassword and ConfirmForgotPassword API operations instead.') },
};

export function createHostedUiService(env: UserPoolEnv, pools: readonly UserPoolConfig[]): Service {
  const state = createHostedUiState(pools.map((p) => [p.name, p.resourceServers ?? []]));
  const poolAt = (host: string): UserPool | undefined => [...env.pools.values()].find((p) => p.domain !== undefined && hostedUiHost(env.region, p.domain) === host);
  return {
    actor: 'hosted-ui',
    handles: (host) => poolAt(host) !== undefined,
    async handle(call) {
      const host = call.url.hostname.toLowerCase();
      const ctx = { env, state, pool: poolAt(host)!, call, origin: `https://${host}` };
      const route = ROUTES[call.url.pathname];
      if (!route) return html(404, messagePage('Not found', `The hosted UI has no page at ${call.url.pathname}.`));
      const handler = route[call.method];
      if (!handler) {
        // [U] AWS's answer to a wrong method is not documented; 405 names the methods the endpoint takes.
        const response = html(405, messagePage('Method not allowed', `${call.url.pathname} takes ${Object.keys(route).join(' or ')}.`));
        response.headers.set('allow', Object.keys(route).join(', '));
        return response;
      }
      return handler(ctx);
    },
  };
}
