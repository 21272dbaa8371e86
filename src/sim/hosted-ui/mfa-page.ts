// The hosted UI's second step for a user who needs MFA: after a right password on /login the browser gets a code page
// instead of the redirect, and only a right code signs the user in ("If your app is using the Amazon Cognito hosted UI
// to sign in users, the UI shows a second page … enter the TOTP password" [V COGDOC user-pool-settings-mfa-totp.md]).
// The page runs the API's own rules: the same decision after the first factor (SMS_MFA, SOFTWARE_TOKEN_MFA or
// SELECT_MFA_TYPE), the same auth session in the user pool (its id is the form's hidden `session`, valid for the app
// client's AuthSessionValidity), the same code checks and errors. [U] The page's layout, its path /mfa and its field
// names are the simulator's; like /login, it keeps the authorize parameters in its query. For MFA_SETUP (a pool that
// requires MFA, a user with no factor) the page shows a new TOTP secret and takes the first code, as
// AssociateSoftwareToken and VerifySoftwareToken would; [U] AWS's page shows a QR code too, whose issuer is not
// documented (here: the pool's name). A pool that offers only SMS to a user without a phone number cannot be set up
// by the user: an honest page says so.
import { isAwsError } from '../core/errors';
import { utf8 } from '../../lib/encoding';
import { otpauthUri } from '../../lib/totp';
import type { User } from '../user-pool/model';
import { maskDestination } from '../user-pool/attributes';
import { checkChoice, checkSmsAnswer, checkTotpAnswer } from '../user-pool/mfa/answers';
import { CHALLENGE_OF, mfaOf, verifiedToken, type MfaChallengeName } from '../user-pool/mfa/model';
import { askFor, secondFactorFor, workingFactors } from '../user-pool/mfa/second-factor';
import { findMfaSession, openMfaSession, sessionExpired, spendSession } from '../user-pool/mfa/session';
import { associateToken, finishSetup, verifyToken } from '../user-pool/mfa/software-token';
import { oauthNote, type Handler, type HostedUiContext } from './context';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import { toErrorPage } from './authorize';
import { grantAuthorization } from './grant';
import { escapeHtml, layout, notSimulatedPage } from './pages';
import { html, redirect } from './responses';
import { openSession } from './session';

type Step =
  | { kind: 'setup'; secret: string; uri: string }
  | { kind: 'code'; challenge: 'SMS_MFA'; destination: string }
  | { kind: 'code'; challenge: 'SOFTWARE_TOKEN_MFA'; device?: string }
  | { kind: 'choose'; options: MfaChallengeName[]; phone?: string };

interface PageModel {
  /** The authorize parameters, without '?'. */
  query: string;
  session: string;
  step: Step;
  error?: string;
}

export function mfaPage(model: PageModel): string {
  const q = model.query ? `?${model.query}` : '';
  const session = `<input type="hidden" name="session" value="${escapeHtml(model.session)}">`;
  const alert = model.error ? `<p id="mfaErrorMessage" role="alert">${escapeHtml(model.error)}</p>` : '';
  const { step } = model;
  if (step.kind === 'choose') {
    const label = (c: MfaChallengeName) => (c === 'SMS_MFA' ? `Text message${step.phone ? ` to ${step.phone}` : ''}` : 'Authenticator app');
    return layout('Choose an MFA method', [
      '<h1>Choose how to confirm it is you</h1>',
      alert,
      '<p>Your account has two second factors turned on. Which one do you want to use for this sign-in?</p>',
      `<form method="post" action="/mfa${escapeHtml(q)}" aria-label="MFA method">`,
      session,
      ...step.options.map((c) => `<p><button type="submit" name="mfaType" value="${c}">${escapeHtml(label(c))}</button></p>`),
      '</form>',
    ].filter((l) => l !== '').join('\n'));
  }
  const described = model.error ? ' aria-describedby="mfaErrorMessage" aria-invalid="true"' : '';
  if (step.kind === 'setup') {
    return layout('Set up an authenticator app', [
      '<h1>Set up an authenticator app</h1>',
      alert,
      '<p>This app requires multi-factor authentication. Add this account to an authenticator app on your phone with the secret key below (or the otpauth link it makes), then enter the six-digit code the app shows.</p>',
      `<p>Secret key: <code id="totpSecret">${escapeHtml(step.secret.replace(/(.{4})/g, '$1 ').trim())}</code></p>`,
      `<p>Link for authenticator apps: <code id="totpUri">${escapeHtml(step.uri)}</code></p>`,
      `<form method="post" action="/mfa${escapeHtml(q)}" aria-label="Verify the authenticator app">`,
      session,
      '<p><label for="mfaCode">Code</label>',
      `<input id="mfaCode" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required${described}></p>`,
      '<p><label for="deviceName">Device name (optional)</label>',
      '<input id="deviceName" name="deviceName" type="text"></p>',
      '<p><button type="submit" name="signInSubmitButton">Verify and sign in</button></p>',
      '</form>',
    ].filter((l) => l !== '').join('\n'));
  }
  const intro = step.challenge === 'SMS_MFA'
    ? `We texted a six-digit code to ${step.destination}. Enter it to finish signing in.`
    : `Enter the six-digit code your authenticator app${step.device ? ` (${step.device})` : ''} shows now.`;
  return layout('Multi-factor authentication', [
    '<h1>Multi-factor authentication</h1>',
    alert,
    `<p>${escapeHtml(intro)}</p>`,
    `<form method="post" action="/mfa${escapeHtml(q)}" aria-label="MFA code">`,
    session,
    '<p><label for="mfaCode">Code</label>',
    `<input id="mfaCode" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required${described}></p>`,
    '<p><button type="submit" name="signInSubmitButton">Sign in</button></p>',
    '</form>',
  ].filter((l) => l !== '').join('\n'));
}

function codeStep(user: User, challenge: MfaChallengeName): Step {
  if (challenge === 'SMS_MFA') return { kind: 'code', challenge, destination: maskDestination('SMS', user.attributes.get('phone_number') ?? '') };
  const device = verifiedToken(user)?.friendlyDeviceName;
  return { kind: 'code', challenge, ...(device ? { device } : {}) };
}

/** Asks for a factor's code: texts it for SMS (opening the session), opens the session for TOTP. */
function askCode(ctx: HostedUiContext, request: AuthorizeRequest, query: string, user: User, challenge: MfaChallengeName, enablesSms = false): Response {
  const out = askFor(ctx.env, ctx.call, ctx.pool, request.client, user, challenge, enablesSms ? { enablesSms: true } : {});
  return html(200, mfaPage({ query, session: out.Session!, step: codeStep(user, challenge) }));
}

/**
 * For /login, once the password is right: the MFA page when this sign-in needs a second factor, or undefined when the
 * user may be signed in at once (no cookie is set before the second factor).
 */
export function secondFactorPage(ctx: HostedUiContext, request: AuthorizeRequest, user: User): Response | undefined {
  const next = secondFactorFor(ctx.pool, user);
  const query = ctx.call.url.search.slice(1);
  switch (next.kind) {
    case 'none':
      return undefined;
    case 'challenge':
      oauthNote(ctx, 'session', 'ok', `The password is right, but ${user.username} needs a second factor: the hosted UI shows the MFA page and sets no cookie until the code is right.`);
      return askCode(ctx, request, query, user, next.challenge, next.enablesSms ?? false);
    case 'select': {
      const session = openMfaSession(ctx.env, ctx.call, ctx.pool, request.client, user.username, 'SELECT_MFA_TYPE', {}, `${user.username} has SMS and TOTP MFA both on and neither preferred: the hosted UI asks which one to use (SELECT_MFA_TYPE), within ${request.client.authSessionValidity} minutes.`);
      const phone = user.attributes.get('phone_number');
      return html(200, mfaPage({ query, session, step: { kind: 'choose', options: next.options, ...(phone ? { phone: maskDestination('SMS', phone) } : {}) } }));
    }
    case 'setup': {
      if (!next.canSetup.includes('SOFTWARE_TOKEN_MFA')) {
        oauthNote(ctx, 'session', 'refused', `The pool requires MFA, offers only SMS, and ${user.username} has no phone number: only an administrator can add one, so the sign-in stops here.`);
        return html(501, notSimulatedPage('Set up MFA', `${user.username} needs a phone number for SMS MFA before signing in (MFA_SETUP with SMS_MFA only). An administrator must add one.`));
      }
      oauthNote(ctx, 'session', 'ok', `The password is right, but the pool requires MFA and ${user.username} has no second factor: the hosted UI shows the set-up page (MFA_SETUP) and sets no cookie until an authenticator app is verified.`);
      const session = openMfaSession(ctx.env, ctx.call, ctx.pool, request.client, user.username, 'MFA_SETUP', { setup: 'associated' }, `MFA_SETUP in the hosted UI: the page carries a Session valid for ${request.client.authSessionValidity} minutes, in which the user adds the secret to an authenticator app and sends its first code.`);
      const secret = associateToken(ctx.env, ctx.call, user, 'by the hosted UI (MFA_SETUP)');
      return html(200, mfaPage({ query, session, step: setupStep(ctx, user, secret) }));
    }
  }
}

function setupStep(ctx: HostedUiContext, user: User, secret: string): Step {
  return { kind: 'setup', secret, uri: otpauthUri({ secret, account: user.username, issuer: ctx.pool.name }) };
}

const expiredPage = (query: string, message: string) =>
  layout('Multi-factor authentication', [
    '<h1>Multi-factor authentication</h1>',
    `<p id="mfaErrorMessage" role="alert">${escapeHtml(message)}</p>`,
    `<p><a href="/login${escapeHtml(query ? `?${query}` : '')}">Sign in again</a></p>`,
  ].join('\n'));

/** POST /mfa: the chosen factor, or the code. */
export const mfaSubmit: Handler = async (ctx) => {
  const check = checkAuthorizeRequest(ctx, ctx.call.url.searchParams);
  if (check.kind === 'error-page') return toErrorPage(ctx, check);
  if (check.kind === 'redirect') return redirect(check.location);
  const { request } = check;
  const query = ctx.call.url.search.slice(1);
  const form = new URLSearchParams(utf8.decode(ctx.call.body));
  const sessionId = form.get('session') ?? undefined;
  const open = sessionId ? ctx.pool.sessions.get(sessionId) : undefined;
  const user = open ? ctx.pool.users.get(open.username.toLowerCase()) : undefined;
  const fail = (error: unknown, step?: Step): Response => {
    if (!isAwsError(error)) throw error;
    ctx.call.note({ kind: 'error', summary: `MFA step failed: ${error.code}. The hosted UI shows AWS's message in the page and sets no cookie.`, code: error.code, message: error.message, status: 200 });
    // A wrong code keeps the session: the same page asks again. Anything else ends this sign-in.
    if (step && sessionId && ctx.pool.sessions.has(sessionId) && error.code !== 'NotAuthorizedException') return html(200, mfaPage({ query, session: sessionId, step, error: error.message }));
    return html(200, expiredPage(query, error.message));
  };
  try {
    switch (open?.challengeName) {
      case 'SELECT_MFA_TYPE': {
        const offered = user ? workingFactors(user).map((f) => CHALLENGE_OF[f]) : [];
        let chosen: { user: User; challenge: MfaChallengeName };
        try {
          chosen = checkChoice(ctx.env, ctx.call, ctx.pool, request.client.clientId, sessionId, form.get('mfaType') ?? '', offered);
        } catch (error) {
          const phone = user?.attributes.get('phone_number');
          return fail(error, { kind: 'choose', options: offered, ...(phone ? { phone: maskDestination('SMS', phone) } : {}) });
        }
        return askCode(ctx, request, query, chosen.user, chosen.challenge);
      }
      case 'MFA_SETUP': {
        findMfaSession(ctx.env, ctx.pool, request.client.clientId, sessionId, 'MFA_SETUP');
        const token = user ? mfaOf(user).softwareToken : undefined;
        if (!user || !token || token.verified || open.mfa?.setup !== 'associated') return fail(sessionExpired());
        try {
          await verifyToken(ctx.env, ctx.call, user, form.get('code') ?? '', form.get('deviceName') ?? undefined);
        } catch (error) {
          return fail(error, setupStep(ctx, user, token.secret));
        }
        spendSession(ctx.pool, open);
        finishSetup(ctx.env, ctx.call, user);
        const authTime = ctx.env.clock.now();
        const cookie = openSession(ctx, user, authTime);
        return grantAuthorization(ctx, request, user, authTime, [cookie]);
      }
      case 'SMS_MFA':
      case 'SOFTWARE_TOKEN_MFA': {
        const step = user ? codeStep(user, open.challengeName) : undefined;
        const code = form.get('code') ?? '';
        let signedIn: User;
        try {
          signedIn = open.challengeName === 'SMS_MFA'
            ? checkSmsAnswer(ctx.env, ctx.call, ctx.pool, request.client.clientId, sessionId, code)
            : await checkTotpAnswer(ctx.env, ctx.call, ctx.pool, request.client.clientId, sessionId, code);
        } catch (error) {
          return fail(error, step);
        }
        const authTime = ctx.env.clock.now();
        const cookie = openSession(ctx, signedIn, authTime);
        return grantAuthorization(ctx, request, signedIn, authTime, [cookie]);
      }
      default:
        // No open MFA session by that id (unknown, spent or expired): as the API answers.
        return fail(sessionExpired());
    }
  } catch (error) {
    return fail(error);
  }
};
