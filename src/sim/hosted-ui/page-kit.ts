// What the hosted UI's account pages share: they take the parameters of /oauth2/authorize, checked as /login checks
// them [V LIVE managed-login-endpoints.html: /signup and /forgotPassword are "direct links with the same parameters as
// /oauth2/authorize"], so that the user can end up back in the app; a failed step shows AWS's message in the page; and
// a finished sign-up or password change signs the user in exactly as the login page does.
import { isAwsError } from '../core/errors';
import { utf8 } from '../../lib/encoding';
import type { User } from '../user-pool/model';
import type { HostedUiContext } from './context';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import { toErrorPage } from './authorize';
import { grantAuthorization } from './grant';
import { secondFactorPage } from './mfa-page';
import { redirect } from './responses';
import { openSession } from './session';

export type PageStart = { ok: true; request: AuthorizeRequest; query: string } | { ok: false; response: Response };

/** Checks the page's authorize parameters; `query` is them without the page's own `username`. */
export function startPage(ctx: HostedUiContext): PageStart {
  const check = checkAuthorizeRequest(ctx, ctx.call.url.searchParams);
  if (check.kind === 'error-page') return { ok: false, response: toErrorPage(ctx, check) };
  if (check.kind === 'redirect') return { ok: false, response: redirect(check.location) };
  const params = new URLSearchParams(ctx.call.url.searchParams);
  params.delete('username');
  return { ok: true, request: check.request, query: params.toString() };
}

export const formOf = (ctx: HostedUiContext): URLSearchParams => new URLSearchParams(utf8.decode(ctx.call.body));

/** The `requiredAttributes[name]` fields of a form, as the API's AttributeType list. */
export function attributesOf(form: URLSearchParams): { Name: string; Value: string }[] {
  const out: { Name: string; Value: string }[] = [];
  for (const [key, value] of form) {
    const match = /^requiredAttributes\[(.+)\]$/.exec(key);
    if (match) out.push({ Name: match[1]!, Value: value });
  }
  return out;
}

/**
 * AWS's message for a step that failed, recorded on the exchange. [U] The hosted UI answers a failed step with its page
 * again (200), as the login page does; anything but an AwsError is a bug and goes on up.
 */
export function failureMessage(ctx: HostedUiContext, error: unknown, step: string): string {
  if (!isAwsError(error)) throw error;
  ctx.call.note({ kind: 'error', summary: `${step} failed: ${error.code}. The hosted UI shows AWS's message in the page.`, code: error.code, message: error.message, status: 200 });
  return error.message.split('\n')[0]!;
}

/**
 * The user is signed in: the hosted UI session cookie, then back to the app with a code (or tokens). A user who needs a
 * second factor gets the MFA page first, exactly as after /login: what follows a proven password is decided in one place.
 */
export async function signInAndReturn(ctx: HostedUiContext, request: AuthorizeRequest, user: User, extraCookies: string[] = []): Promise<Response> {
  const mfa = secondFactorPage(ctx, request, user);
  if (mfa) return mfa;
  const authTime = ctx.env.clock.now();
  const cookie = openSession(ctx, user, authTime);
  return grantAuthorization(ctx, request, user, authTime, [cookie, ...extraCookies]);
}
