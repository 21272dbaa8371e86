// GET and POST /signup: the hosted UI's sign-up page [V LIVE managed-login-endpoints.html: "/login directs them to
// /signup when they select Sign up"; it takes the parameters of /oauth2/authorize]. It asks for the username, the
// pool's required attributes and a password, and runs SignUp's own rules (signUpUser: schema, username taken, password
// policy, the code sent; AllowAdminCreateUserOnly refuses) after the same input validation as the API, with no
// SECRET_HASH: the hosted UI is Cognito itself. SignUp answers UsernameExistsException even with
// PreventUserExistenceErrors [V COGDOC cognito-user-pool-managing-errors.md], so the page does too.
// Then the browser is redirected to /confirm ("Only redirect from /signup" [V same page]) with the username, holding
// the `cognito-flow` cookie that lets /confirm sign the new user in once the code is right.
import { signUp, signUpUser } from '../user-pool/ops/sign-up';
import type { AppClient, User } from '../user-pool/model';
import { validateInput } from '../wire/validate';
import type { Handler, HostedUiContext } from './context';
import { flowCookie, startFlow } from './flows';
import { attributesOf, failureMessage, formOf, signInAndReturn, startPage } from './page-kit';
import { messagePage } from './pages';
import { html, redirect } from './responses';
import { signUpPage, withParam, type AttributeField } from './signup-pages';
import { SESSION_VALIDITY_MS } from './state';

/** SignUp's own answer when only administrators create users (ops/sign-up.ts); [U] the page shows it instead of a form. */
const CLOSED = 'SignUp is not permitted for this user pool';

function usernameLabel(ctx: HostedUiContext): string {
  const by = ctx.pool.usernameAttributes;
  if (by.length === 1) return by[0] === 'email' ? 'Email' : 'Phone number';
  return by.length > 1 ? 'Email or phone number' : 'Username';
}

/** The pool's required attributes, but not one the username already is. */
function attributeFields(ctx: HostedUiContext, values: Map<string, string> = new Map()): AttributeField[] {
  return ctx.pool.requiredAttributes
    .filter((name) => !(ctx.pool.usernameAttributes as string[]).includes(name))
    .map((name) => ({ name, ...(values.has(name) ? { value: values.get(name)! } : {}) }));
}

function render(ctx: HostedUiContext, client: AppClient, query: string, extra: { error?: string; username?: string; values?: Map<string, string>; closed?: boolean } = {}): Response {
  return html(200, signUpPage({
    clientName: client.clientName,
    query,
    usernameLabel: usernameLabel(ctx),
    attributes: attributeFields(ctx, extra.values),
    policy: ctx.pool.passwordPolicy,
    ...(extra.username !== undefined ? { username: extra.username } : {}),
    ...(extra.error !== undefined ? { error: extra.error } : {}),
    ...(extra.closed ? { closed: true } : {}),
  }));
}

export const signUpForm: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  if (!ctx.pool.allowSelfSignUp) {
    ctx.call.note({ kind: 'info', summary: `${ctx.pool.name} lets only administrators create users (AllowAdminCreateUserOnly): the sign-up page offers no form.` });
    return render(ctx, start.request.client, start.query, { error: CLOSED, closed: true });
  }
  return render(ctx, start.request.client, start.query);
};

export const signUpSubmit: Handler = async (ctx) => {
  const start = startPage(ctx);
  if (!start.ok) return start.response;
  const { request, query } = start;
  const { client } = request;
  const form = formOf(ctx);
  const username = form.get('username') ?? '';
  const attributes = attributesOf(form);
  const input = { Username: username, Password: form.get('password') ?? '', UserAttributes: attributes };
  let out;
  try {
    validateInput({ ClientId: client.clientId, ...input }, signUp.shape);
    out = await signUpUser(ctx.env, ctx.call, ctx.pool, client, input);
  } catch (error) {
    const message = failureMessage(ctx, error, 'Sign-up');
    return render(ctx, client, query, { error: message, username, values: new Map(attributes.map((a) => [a.Name, a.Value])), closed: !ctx.pool.allowSelfSignUp });
  }
  const user: User = [...ctx.pool.users.values()].find((u) => u.sub === out.UserSub)!;
  if (out.UserConfirmed) {
    // [P] A user confirmed at sign-up (by a pre sign-up trigger) has nothing left to confirm: the hosted UI signs them in.
    ctx.call.note({ kind: 'info', summary: `${user.username} was confirmed at sign-up, so the hosted UI signs them in at once.` });
    return signInAndReturn(ctx, request, user);
  }
  if (!out.CodeDeliveryDetails) {
    // [U] The pool verifies neither e-mail nor phone automatically: no code was sent, and only an administrator can confirm.
    ctx.call.note({ kind: 'info', summary: `${user.username} is UNCONFIRMED and the pool sends no confirmation code (no auto-verified attribute): an administrator must confirm the account.` });
    return html(200, messagePage('Sign up', 'Your account was created. An administrator must confirm it before you can sign in.'));
  }
  const flow = startFlow(ctx, { kind: 'sign-up', clientId: client.clientId, username, delivery: out.CodeDeliveryDetails, expiresAt: ctx.env.clock.now() + SESSION_VALIDITY_MS });
  ctx.call.note({ kind: 'info', summary: `The hosted UI sends the browser to /confirm for the code, with a cognito-flow cookie that remembers this sign-up for one hour: once the code is right, ${user.username} is signed in without typing the password again.` });
  return redirect(`${ctx.origin}/confirm?${withParam(query, 'username', username)}`, [flowCookie(flow, ctx.env.clock.now())]);
};
