// GET and POST /forgotPassword and /confirmforgotPassword: the hosted UI's password reset [V LIVE
// managed-login-endpoints.html: /login's "Forgot your password?" leads to /forgotPassword (also a direct link with the
// parameters of /oauth2/authorize); its "Reset my password" redirects to /confirmforgotPassword, which asks for the
// code and a new password; /login is reached by redirect from /confirmforgotPassword]. The code is requested by
// ForgotPassword's own rules (requestPasswordReset: account recovery setting, verified channel, hourly limit, and with
// PreventUserExistenceErrors a simulated delivery for a user who does not exist) and the password set by
// ConfirmForgotPassword's (confirmPasswordReset: policy, wrong/expired code, limits). The old password keeps working
// until then; afterwards the user signs in with the new one.
import { confirmForgotPassword, confirmPasswordReset } from '../user-pool/ops/confirm-forgot-password';
import { forgotPassword, requestPasswordReset } from '../user-pool/ops/forgot-password';
import { CODE_VALIDITY_MS } from '../user-pool/codes';
import { validateInput } from '../wire/validate';
import type { Handler, HostedUiContext } from './context';
import { clearedFlowCookie, endFlow, flowCookie, flowFromCookie, startFlow } from './flows';
import { failureMessage, formOf, startPage } from './page-kit';
import { html, redirect } from './responses';
import { forgotPasswordPage, resetPasswordPage, withParam } from './signup-pages';

export const forgotPasswordForm: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  return html(200, forgotPasswordPage({ query: start.query }));
};

export const forgotPasswordSubmit: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const { request, query } = start;
  const username = formOf(ctx).get('username') ?? '';
  let out;
  try {
    validateInput({ ClientId: request.client.clientId, Username: username }, forgotPassword.shape);
    out = await requestPasswordReset(ctx.env, ctx.call, ctx.pool, request.client, { Username: username });
  } catch (error) {
    return html(200, forgotPasswordPage({ query, username, error: failureMessage(ctx, error, 'Requesting a reset code') }));
  }
  const now = ctx.env.clock.now();
  const flow = startFlow(ctx, { kind: 'reset', clientId: request.client.clientId, username, ...(out.CodeDeliveryDetails ? { delivery: out.CodeDeliveryDetails } : {}), expiresAt: now + CODE_VALIDITY_MS['forgot-password'] });
  return redirect(`${ctx.origin}/confirmforgotPassword?${withParam(query, 'username', username)}`, [flowCookie(flow, now)]);
};

function renderReset(ctx: HostedUiContext, query: string, username: string, error?: string): Response {
  const flow = flowFromCookie(ctx, 'reset');
  const delivery = flow && flow.username === username ? flow.delivery : undefined;
  return html(200, resetPasswordPage({
    query,
    username,
    policy: ctx.pool.passwordPolicy,
    ...(delivery ? { destination: delivery.Destination, medium: delivery.DeliveryMedium } : {}),
    ...(error !== undefined ? { error } : {}),
  }));
}

export const resetPasswordForm: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const username = ctx.call.url.searchParams.get('username') || flowFromCookie(ctx, 'reset')?.username;
  // [U] Without a username there is nothing to reset: back to the page that asks for it.
  if (!username) return redirect(`${ctx.origin}/forgotPassword?${start.query}`);
  return renderReset(ctx, start.query, username);
};

export const resetPasswordSubmit: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const { request, query } = start;
  const form = formOf(ctx);
  const username = form.get('username') ?? '';
  const input = { Username: username, ConfirmationCode: form.get('code') ?? '', Password: form.get('password') ?? '' };
  try {
    validateInput({ ClientId: request.client.clientId, ...input }, confirmForgotPassword.shape);
    await confirmPasswordReset(ctx.env, ctx.call, ctx.pool, request.client, input);
  } catch (error) {
    return renderReset(ctx, query, username, failureMessage(ctx, error, 'Resetting the password'));
  }
  const flow = flowFromCookie(ctx, 'reset');
  if (flow) endFlow(ctx, flow);
  ctx.call.note({ kind: 'info', summary: 'The password is reset. The hosted UI sends the browser back to its login page, where the user signs in with the new password; no one is signed in by a reset.' });
  return redirect(`${ctx.origin}/login?${query}`, [clearedFlowCookie()]);
};
