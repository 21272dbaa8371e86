// GET and POST /login: the hosted UI's sign-in page [V COGDOC login-endpoint.md: it takes every parameter of
// /oauth2/authorize]. The password is checked exactly as USER_PASSWORD_AUTH checks it (lockout,
// PreventUserExistenceErrors, disabled and unconfirmed users) and a failure shows AWS's message in the page.
// [U] The failed sign-in page is answered with 200 here; AWS's status for it is not documented.
// The hosted UI is Cognito itself, so it needs no SECRET_HASH even for clients that have a secret.
import { isAwsError } from '../core/errors';
import { utf8 } from '../../lib/encoding';
import { checkPassword } from '../user-pool/password-auth';
import type { AppClient } from '../user-pool/model';
import type { Handler, HostedUiContext } from './context';
import { checkAuthorizeRequest } from './authorize-request';
import { toErrorPage } from './authorize';
import { grantAuthorization } from './grant';
import { html, redirect } from './responses';
import { loginPage, type FederatedButton } from './pages';
import { newPasswordRequiredPage } from './new-password';
import { secondFactorPage } from './mfa-page';
import { openSession } from './session';

function federatedButtons(ctx: HostedUiContext, client: AppClient): FederatedButton[] {
  return client.supportedIdentityProviders
    .filter((name) => name !== 'COGNITO' && ctx.pool.identityProviders.some((p) => p.name === name))
    .map((provider) => {
      const query = new URLSearchParams(ctx.call.url.searchParams);
      query.set('identity_provider', provider);
      return { provider, href: `/oauth2/authorize?${query.toString()}` };
    });
}

function render(ctx: HostedUiContext, client: AppClient, status: number, extra: { error?: string; username?: string } = {}): Response {
  return html(status, loginPage({ clientName: client.clientName, query: ctx.call.url.search.slice(1), federated: federatedButtons(ctx, client), allowSignUp: ctx.pool.allowSelfSignUp, ...extra }));
}

export const loginForm: Handler = async (ctx) => {
  const check = checkAuthorizeRequest(ctx, ctx.call.url.searchParams);
  if (check.kind === 'error-page') return toErrorPage(ctx, check);
  if (check.kind === 'redirect') return redirect(check.location);
  return render(ctx, check.request.client, 200);
};

export const loginSubmit: Handler = async (ctx) => {
  const check = checkAuthorizeRequest(ctx, ctx.call.url.searchParams);
  if (check.kind === 'error-page') return toErrorPage(ctx, check);
  if (check.kind === 'redirect') return redirect(check.location);
  const { request } = check;
  const form = new URLSearchParams(utf8.decode(ctx.call.body));
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  if (!username || !password) {
    const message = `Missing required parameter ${username ? 'PASSWORD' : 'USERNAME'}`;
    ctx.call.note({ kind: 'error', summary: `The form came without a ${username ? 'password' : 'username'}.`, code: 'InvalidParameterException', message, status: 200 });
    return render(ctx, request.client, 200, { error: message, username });
  }
  let user;
  try {
    user = await checkPassword(ctx.env, ctx.call, ctx.pool, request.client, username, password);
  } catch (error) {
    if (!isAwsError(error)) throw error;
    ctx.call.note({ kind: 'error', summary: `Sign-in failed: ${error.code}. The hosted UI shows AWS's message in the page and sets no cookie.`, code: error.code, message: error.message, status: 200 });
    return render(ctx, request.client, 200, { error: error.message, username });
  }
  // [HOSTED-UI] a temporary password: the change-password page (new-password.ts), then the code.
  if (user.status === 'FORCE_CHANGE_PASSWORD') return newPasswordRequiredPage(ctx, request, user);
  // [MFA] a second factor: the MFA page (mfa-page.ts), and the cookie and code only after the right code.
  const mfa = secondFactorPage(ctx, request, user);
  if (mfa) return mfa;
  const authTime = ctx.env.clock.now();
  const cookie = openSession(ctx, user, authTime);
  return grantAuthorization(ctx, request, user, authTime, [cookie]);
};
