// Hosted UI scenario: a new user signs up on the hosted UI's own pages inside the authorization code flow with PKCE,
// and the code that comes back is shown to be useless without the app's code_verifier, and good only once.
// (api-scopes shows the plain code flow with PKCE for a demo user; this one shows sign-up and what PKCE refuses.)
import { toBase64Url, utf8 } from '../../lib/encoding';
import { readForm } from '../../client/html-form';
import type { Scenario, ScenarioContext } from './types';
import { responseJson, SCENARIO_START } from './helpers';

const CALLBACK = 'https://app.learner-lab.example/callback';
const USERNAME = 'nina';
const EMAIL = 'nina@example.com';
const PASSWORD = 'Nina#Passw0rd';
/** Fixed verifiers, so the scenario replays identically (a real app makes a random one for every sign-in). */
const VERIFIER = 'nina-spa-pkce-verifier-0123456789-abcdefghijklmnopqrstu';
const SECOND_VERIFIER = 'nina-spa-pkce-verifier-second-try-0123456789-abcdefghij';
/** What an attacker holding only the code can send: a verifier of its own. */
const ATTACKER_VERIFIER = 'attacker-has-no-idea-what-the-verifier-was-0123456789ab';

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}

/** The absolute address of the link with this text on a page, as the browser would follow it. */
function linkOn(html: string, text: string, pageUrl: string): string {
  const href = new RegExp(`<a href="([^"]*)">${text}</a>`).exec(html)?.[1] ?? '';
  return new URL(href.replace(/&amp;/g, '&'), pageUrl).href;
}

function postForm(ctx: ScenarioContext, action: string, fields: Record<string, string>) {
  return ctx.browser.request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

export const hostedUiPkce: Scenario = {
  id: 'hosted-ui-pkce',
  title: 'The hosted UI with the authorization code flow and PKCE',
  goal: 'Sign a new user up on the hosted UI inside the code flow with PKCE, and see why a stolen or replayed authorization code buys nothing.',
  level: 'intermediate',
  services: ['Hosted UI', 'User pool'],
  minutes: 10,
  seed: 311,
  startTime: SCENARIO_START,
  outcome: 'Nina signed up and was signed in by the hosted UI; her app got tokens only with its own code_verifier, while the intercepted code with a guessed verifier, and the same code a second time, were refused with invalid_grant.',
  check: (last, run) =>
    last.operation === 'POST /oauth2/token' &&
    last.response.status === 400 &&
    responseJson(last).error === 'invalid_grant' &&
    run.trace.some((x) => x.operation === 'POST /oauth2/token' && x.response.status === 200),
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const domain = `https://${pool.domain}.auth.${ctx.world.region}.amazoncognito.com`;
    const b = ctx.browser;
    const authorizeUrl = async (verifier: string, state: string) =>
      `${domain}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: web.clientId, redirect_uri: CALLBACK, scope: 'openid email profile', state, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256' }).toString()}`;
    const redeem = (code: string, verifier: string) =>
      ctx.fetch(new Request(`${domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: web.clientId, code, redirect_uri: CALLBACK, code_verifier: verifier }).toString() }), { from: 'app' });

    const firstUrl = await authorizeUrl(VERIFIER, 'pkce-311');
    const authorize = await ctx.step(
      {
        title: 'Authorize with a PKCE challenge',
        narration: 'Before sending Nina\'s browser anywhere, the single-page app makes a random secret, the code_verifier, and keeps it in memory. It sends only its SHA-256 hash, the code_challenge (method S256), to the hosted UI\'s /oauth2/authorize, with response_type=code. Nina has no hosted UI session, so she is sent to the login page.',
        examTip: 'SPAs and mobile apps are public clients: they cannot keep a client secret. The authorization code grant with PKCE is the flow for them; the implicit grant is discouraged.',
      },
      () => b.request(firstUrl),
    );
    const loginPage = await ctx.step(
      { title: 'The login page', narration: 'The hosted UI serves its login page on the pool\'s own domain. Nina has no account yet, so she follows the "Sign up" link, which carries all the authorize parameters along.' },
      () => b.follow(authorize),
    );
    const signUpUrl = linkOn(await loginPage.text(), 'Sign up', b.urlOf(loginPage));
    const signUpPage = await ctx.step(
      { title: 'The sign-up page', narration: 'The sign-up page asks for a username, the attributes the pool requires (here the e-mail address) and a password, and lists the pool\'s password rules under the password field.' },
      () => b.request(signUpUrl),
    );
    const signUpForm = readForm(await signUpPage.text(), b.urlOf(signUpPage));
    const toConfirm = await ctx.step(
      {
        title: 'Sign up',
        narration: 'Nina submits the form. The hosted UI runs exactly the rules of the SignUp API: the password policy, the username must be free, the required e-mail. It creates her as UNCONFIRMED, e-mails a six-digit code and redirects the browser to /confirm, setting a cookie that remembers this sign-up.',
        examTip: 'The hosted UI (managed login) gives you sign-up, sign-in, password reset and MFA pages without writing any UI: just add a domain to the user pool and an app client with callback URLs.',
      },
      () => postForm(ctx, signUpForm.action, { ...signUpForm.hidden, username: USERNAME, 'requiredAttributes[email]': EMAIL, password: PASSWORD }),
    );
    const confirmPage = await ctx.step(
      { title: 'The confirmation page', narration: 'The browser follows the redirect to /confirm, which says where the code went (n***@e***) and asks for it.' },
      () => b.follow(toConfirm),
    );
    const confirmForm = readForm(await confirmPage.text(), b.urlOf(confirmPage));
    const emailed = ctx.lastCode(EMAIL);
    const back = await ctx.step(
      {
        title: 'Confirm and come back',
        narration: `Nina types the code ${emailed} from her inbox. It matches, so she is CONFIRMED and her e-mail verified; because this same browser just signed her up, the hosted UI also signs her in (the cognito session cookie) and redirects to the app's callback with a one-time authorization code and the state.`,
      },
      () => postForm(ctx, confirmForm.action, { ...confirmForm.hidden, confirmation_code: emailed }),
    );
    const code = new URL(back.headers.get('location') ?? CALLBACK).searchParams.get('code') ?? '';

    await ctx.step(
      {
        title: 'A stolen code is useless',
        narration: 'Suppose another app on Nina\'s phone intercepted that redirect, as a malicious app registered for the same callback can. It sends the code to /oauth2/token, but it cannot know the code_verifier, so it sends one of its own. The hosted UI hashes it, finds it does not match the code_challenge of step one, and answers 400 invalid_grant. In this simulator a code is spent by any attempt to redeem it, so the real app starts again.',
        examTip: 'PKCE binds the authorization code to the app instance that started the sign-in: without the code_verifier, an intercepted code cannot be exchanged for tokens.',
      },
      () => redeem(code, ATTACKER_VERIFIER),
    );
    const secondUrl = await authorizeUrl(SECOND_VERIFIER, 'pkce-311-again');
    const again = await ctx.step(
      {
        title: 'Authorize again',
        narration: 'The app makes a new verifier and challenge and sends the browser to /oauth2/authorize once more. Nina\'s browser holds the hosted UI\'s session cookie from the sign-up, so there is no login page: the hosted UI redirects straight back with a fresh code.',
      },
      () => b.request(secondUrl),
    );
    const freshCode = new URL(again.headers.get('location') ?? CALLBACK).searchParams.get('code') ?? '';
    await ctx.step(
      {
        title: 'Redeem with the verifier',
        narration: 'Now the app itself posts the fresh code with the code_verifier it kept. BASE64URL(SHA-256(verifier)) equals the challenge, so the hosted UI answers with an ID token, an access token (scope openid email profile, version 2) and a refresh token, with Cache-Control: no-store.',
      },
      () => redeem(freshCode, SECOND_VERIFIER),
    );
    await ctx.step(
      {
        title: 'Replay the code',
        narration: 'Someone who copied the code from the address bar tries it again, this time even with the right verifier. An authorization code is good for exactly one exchange (and for five minutes at most), so the answer is 400 invalid_grant.',
      },
      () => redeem(freshCode, SECOND_VERIFIER),
    );
  },
};
