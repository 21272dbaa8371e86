// The hosted UI and OAuth 2.0 endpoints of every user pool with a domain, at https://{prefix}.auth.{region}.amazoncognito.com
// (aws-behaviour.md §4): one handler per endpoint, routed by path and method.
import type { Service } from '../core/router';
import type { UserPoolEnv } from '../user-pool/env';
import type { UserPool } from '../user-pool/model';
import type { UserPoolConfig } from '../world/config';
import type { Handler } from './context';
import { authorize } from './authorize';
import { confirmForm, confirmSubmit, resendCode } from './confirm';
import { forgotPasswordForm, forgotPasswordSubmit, resetPasswordForm, resetPasswordSubmit } from './forgot-password';
import { idpResponse } from './federation/idp-response';
import { samlIdpResponse } from './federation/saml-response';
import { loginForm, loginSubmit } from './login';
import { logout } from './logout';
import { mfaSubmit } from './mfa-page';
import { newPasswordSubmit } from './new-password';
import { errorPage, messagePage } from './pages';
import { html } from './responses';
import { revoke } from './revoke';
import { signUpForm, signUpSubmit } from './signup';
import { createHostedUiState } from './state';
import { token } from './token';
import { userInfo } from './userinfo';

export const hostedUiHost = (region: string, domainPrefix: string): string => `${domainPrefix}.auth.${region}.amazoncognito.com`;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/oauth2/authorize': { GET: authorize },
  '/login': { GET: loginForm, POST: loginSubmit },
  // [MFA] the second step of a sign-in that needs a code (mfa-page.ts).
  '/mfa': { POST: mfaSubmit },
  '/oauth2/token': { POST: token },
  '/oauth2/userInfo': { GET: userInfo, POST: userInfo },
  '/logout': { GET: logout },
  '/oauth2/revoke': { POST: revoke },
  // [FEDERATION] where Google, Facebook and OIDC providers send the browser back.
  '/oauth2/idpresponse': { GET: idpResponse },
  // [SAML] the assertion consumer service of SAML identity providers.
  '/saml2/idpresponse': { POST: samlIdpResponse },
  // [P] Where an invalid client or redirect URI lands; AWS answers 400 with its error page.
  '/error': { GET: async (ctx) => html(400, errorPage(ctx.call.url.searchParams.get('error') ?? 'error')) },
  // [HOSTED-UI] the account pages: sign up, confirm, new code, password reset, the change of a temporary password.
  '/signup': { GET: signUpForm, POST: signUpSubmit },
  '/confirm': { GET: confirmForm, POST: confirmSubmit },
  '/resendcode': { GET: resendCode },
  '/forgotPassword': { GET: forgotPasswordForm, POST: forgotPasswordSubmit },
  '/confirmforgotPassword': { GET: resetPasswordForm, POST: resetPasswordSubmit },
  '/forceChangePassword': { POST: newPasswordSubmit },
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
