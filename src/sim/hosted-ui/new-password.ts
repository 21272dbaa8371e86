// The hosted UI's answer to NEW_PASSWORD_REQUIRED: a user an administrator created signs in on /login with the
// temporary password and gets a page to choose a new one (and any required attribute still missing) instead of a code.
// [P] Real Cognito shows this form in the hosted UI (emulators that copy it: ministackorg/ministack#1120); [U] the
// path the form posts to, /forceChangePassword, is the simulator's. The change runs the API's own rules
// (setNewPassword, shared with RespondToAuthChallenge's NEW_PASSWORD_REQUIRED: policy, required attributes, then
// CONFIRMED), and only then is the user signed in and sent back to the app. The page's hidden `session` lasts the
// client's AuthSessionValidity, as the API's NEW_PASSWORD_REQUIRED Session does; [U] a refused password keeps it usable.
import { AwsError } from '../core/errors';
import { setNewPassword } from '../user-pool/challenges/new-password-required';
import type { User } from '../user-pool/model';
import type { AuthorizeRequest } from './authorize-request';
import type { Handler, HostedUiContext } from './context';
import { endFlow, findFlow, startFlow, type PageFlow } from './flows';
import { attributesOf, failureMessage, formOf, signInAndReturn, startPage } from './page-kit';
import { html } from './responses';
import { newPasswordPage } from './signup-pages';
import { messagePage } from './pages';

function render(ctx: HostedUiContext, query: string, flow: PageFlow, user: User, error?: string, values: Map<string, string> = new Map()): Response {
  const missing = ctx.pool.requiredAttributes.filter((a) => !user.attributes.get(a));
  return html(200, newPasswordPage({
    query,
    session: flow.id,
    username: user.username,
    attributes: missing.map((name) => ({ name, ...(values.has(name) ? { value: values.get(name)! } : {}) })),
    policy: ctx.pool.passwordPolicy,
    ...(error !== undefined ? { error } : {}),
  }));
}

/** For /login: the user's password was a temporary one. */
export function newPasswordRequiredPage(ctx: HostedUiContext, request: AuthorizeRequest, user: User): Response {
  const expiresAt = ctx.env.clock.now() + request.client.authSessionValidity * 60_000;
  const flow = startFlow(ctx, { kind: 'new-password', clientId: request.client.clientId, username: user.username, expiresAt });
  ctx.call.note({ kind: 'challenge', summary: `${user.username} signed in with a temporary password (FORCE_CHANGE_PASSWORD): NEW_PASSWORD_REQUIRED. The hosted UI shows the change-password page instead of sending a code; it stays valid for ${request.client.authSessionValidity} minutes, and no cookie is set yet.`, challengeName: 'NEW_PASSWORD_REQUIRED', expiresAt });
  const params = new URLSearchParams(ctx.call.url.searchParams);
  params.delete('username');
  return render(ctx, params.toString(), flow, user);
}

export const newPasswordSubmit: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const { request, query } = start;
  const form = formOf(ctx);
  const flow = findFlow(ctx, form.get('session') ?? undefined, 'new-password');
  const user = flow && flow.clientId === request.client.clientId ? ctx.pool.users.get(flow.username.toLowerCase()) : undefined;
  if (!flow || !user || user.status !== 'FORCE_CHANGE_PASSWORD') {
    const message = failureMessage(ctx, new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.'), 'Changing the password');
    return html(200, messagePage('Change password', `${message} Sign in again with the temporary password.`));
  }
  const password = form.get('password') ?? '';
  const attributes = attributesOf(form);
  const responses: Record<string, string> = Object.fromEntries(attributes.map((a) => [`userAttributes.${a.Name}`, a.Value]));
  try {
    // The same check RespondToAuthChallenge makes before its answer runs.
    if (!password) throw new AwsError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
    await setNewPassword(ctx.env, ctx.call, ctx.pool, user, password, responses);
  } catch (error) {
    return render(ctx, query, flow, user, failureMessage(ctx, error, 'Changing the password'), new Map(attributes.map((a) => [a.Name, a.Value])));
  }
  endFlow(ctx, flow);
  return signInAndReturn(ctx, request, user);
};
