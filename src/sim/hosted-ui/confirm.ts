// GET and POST /confirm and GET /resendcode: the hosted UI's account confirmation [V LIVE managed-login-endpoints.html:
// /confirm "prompts your user to enter a code after the user pool sent a confirmation code", reached only by redirect
// from /signup; /resendcode "sends a new confirmation code", reached only from the "Send a new code" link of /confirm].
// The code is checked by ConfirmSignUp's own rules (confirmSignUpUser: wrong, expired, used and over-guessed codes,
// the hourly limit, PreventUserExistenceErrors) and a new one sent by ResendConfirmationCode's (resendSignUpCode).
// [P] Once the code is right, the browser that signed up is signed in and sent back to the app with a code, as after
// /login: the hosted UI's observed behaviour, which AWS's pages do not spell out (no primary source found). A browser
// without that sign-up (another device, or the cookie gone) is sent to the login page instead: a code proves the
// address, not the password. [P] The username travels in the query of /confirm and /resendcode, as the classic hosted
// UI's links carry it.
import { confirmSignUp, confirmSignUpUser } from '../user-pool/ops/confirm-sign-up';
import { resendConfirmationCode, resendSignUpCode } from '../user-pool/ops/resend-confirmation-code';
import { findUser } from '../user-pool/lookup';
import { validateInput } from '../wire/validate';
import type { Handler, HostedUiContext } from './context';
import { clearedFlowCookie, endFlow, flowFromCookie, type PageFlow } from './flows';
import { failureMessage, formOf, signInAndReturn, startPage } from './page-kit';
import { html, redirect } from './responses';
import { confirmPage } from './signup-pages';

function render(query: string, username: string | undefined, flow: PageFlow | undefined, extra: { error?: string; notice?: string } = {}): Response {
  const delivery = flow && username !== undefined && flow.username === username ? flow.delivery : undefined;
  return html(200, confirmPage({
    query,
    ...(username ? { username } : {}),
    ...(delivery ? { destination: delivery.Destination, medium: delivery.DeliveryMedium } : {}),
    ...extra,
  }));
}

const queryUsername = (ctx: HostedUiContext): string | undefined => ctx.call.url.searchParams.get('username') || undefined;

export const confirmForm: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const flow = flowFromCookie(ctx, 'sign-up');
  return render(start.query, queryUsername(ctx) ?? flow?.username, flow);
};

export const confirmSubmit: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const { request, query } = start;
  const { client } = request;
  const form = formOf(ctx);
  const username = form.get('username') ?? '';
  const input = { Username: username, ConfirmationCode: form.get('confirmation_code') ?? '' };
  const flow = flowFromCookie(ctx, 'sign-up');
  let user;
  try {
    validateInput({ ClientId: client.clientId, ...input }, confirmSignUp.shape);
    user = await confirmSignUpUser(ctx.env, ctx.call, ctx.pool, client, input);
  } catch (error) {
    return render(query, username || undefined, flow, { error: failureMessage(ctx, error, 'Confirming the account') });
  }
  if (flow && flow.clientId === client.clientId && findUser(ctx.pool, flow.username) === user) {
    endFlow(ctx, flow);
    ctx.call.note({ kind: 'info', summary: `This browser signed ${user.username} up a moment ago (cognito-flow cookie) and the code is right: the hosted UI signs ${user.username} in and sends the browser back to the app.` });
    return signInAndReturn(ctx, request, user, [clearedFlowCookie()]);
  }
  ctx.call.note({ kind: 'info', summary: `${user.username} is confirmed, but this browser did not sign ${user.username} up, so nothing proves it knows the password: back to the login page.` });
  return redirect(`${ctx.origin}/login?${query}`);
};

export const resendCode: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const { request, query } = start;
  const flow = flowFromCookie(ctx, 'sign-up');
  const username = queryUsername(ctx) ?? flow?.username ?? '';
  let out;
  try {
    validateInput({ ClientId: request.client.clientId, Username: username }, resendConfirmationCode.shape);
    out = await resendSignUpCode(ctx.env, ctx.call, ctx.pool, request.client, { Username: username });
  } catch (error) {
    return render(query, username || undefined, flow, { error: failureMessage(ctx, error, 'Sending a new code') });
  }
  const sent = out.CodeDeliveryDetails;
  if (flow && sent && flow.username === username) flow.delivery = sent;
  return render(query, username, flow, { notice: sent ? `A new code was sent by ${sent.DeliveryMedium === 'SMS' ? 'SMS' : 'email'} to ${sent.Destination}.` : 'A new code was sent.' });
};
