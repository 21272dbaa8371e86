// API Gateway scenario 3: /notes needs the OAuth scope notes-api/notes.read. The access token from the API
// sign-in lacks it; the one from the hosted UI's code flow with PKCE carries it.
import { toBase64Url, utf8 } from '../../lib/encoding';
import { readForm } from '../../client/html-form';
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';
import { api, signInForTokens } from './api-steps';

const CALLBACK = 'https://app.learner-lab.example/callback';
/** A fixed PKCE verifier, so the scenario replays identically (a real app makes a random one per sign-in). */
const VERIFIER = 'learner-lab-pkce-verifier-0123456789-abcdefghijklmnop';

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}

export const apiScopes: Scenario = {
  id: 'api-gateway-oauth-scopes',
  title: 'Scopes: a hosted UI token for /notes',
  goal: 'See a method that requires an OAuth scope refuse the API sign-in\'s access token, then accept one from the hosted UI\'s code flow with PKCE.',
  level: 'advanced',
  services: ['Hosted UI', 'User pool', 'API Gateway'],
  minutes: 8,
  seed: 303,
  startTime: SCENARIO_START,
  outcome: 'The access token from the hosted UI carried the scope notes-api/notes.read, so GET /notes answered 200; the token from InitiateAuth, scoped only aws.cognito.signin.user.admin, had been refused.',
  check: (last) => last.request.url.endsWith('/notes') && last.response.status === 200,
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const domain = `https://${pool.domain}.auth.${ctx.world.region}.amazoncognito.com`;
    const apiTokens = await signInForTokens(ctx, 'bob', DEMO.bob.password, {
      title: 'API sign-in',
      narration: 'Bob\'s app signs him in with InitiateAuth. Tokens from the API always carry exactly one scope: aws.cognito.signin.user.admin.',
    });
    await api(ctx, {
      title: 'Call /notes',
      narration: 'GET /notes has the OAuth scope notes-api/notes.read on its Cognito authorizer, so it wants an access token carrying that scope. Bob\'s token is genuine but lacks it: refused.',
      examTip: 'Custom scopes come from a resource server in the user pool and are granted through the OAuth 2.0 endpoints (hosted UI), not through InitiateAuth.',
    }, '/notes', { token: apiTokens.AccessToken });

    const b = ctx.browser;
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: web.clientId,
      redirect_uri: CALLBACK,
      scope: 'openid notes-api/notes.read',
      state: 'scenario-303',
      code_challenge: await challengeOf(VERIFIER),
      code_challenge_method: 'S256',
    });
    const authorize = await ctx.step(
      {
        title: 'Hosted UI: authorize',
        narration: 'The app sends Bob\'s browser to the hosted UI\'s /oauth2/authorize asking for a code, the scopes openid and notes-api/notes.read, and a PKCE code_challenge (the SHA-256 of a secret verifier only the app knows). Bob has no session, so he is sent to the login page.',
      },
      () => b.request(`${domain}/oauth2/authorize?${query.toString()}`),
    );
    const loginPage = await ctx.step({ title: 'The login page', narration: 'The hosted UI shows its sign-in form on the pool\'s own domain.' }, () => b.follow(authorize));
    const form = readForm(await loginPage.text(), b.urlOf(loginPage));
    const redirect = await ctx.step(
      {
        title: 'Sign in',
        narration: 'Bob signs in. The hosted UI redirects his browser to the app\'s registered callback with a one-time authorization code (valid 5 minutes), and the state the app sent.',
      },
      () => b.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, username: DEMO.bob.username, password: DEMO.bob.password }).toString() }),
    );
    const code = new URL(redirect.headers.get('location') ?? CALLBACK).searchParams.get('code') ?? '';
    const token = await ctx.step(
      {
        title: 'Exchange the code',
        narration: 'The app posts the code to /oauth2/token with its code_verifier. The hosted UI hashes the verifier, compares it with the challenge from step one (so a stolen code is useless), and returns tokens whose access token carries the granted scopes and version 2.',
        examTip: 'Public clients (SPAs, mobile apps) use the authorization code grant with PKCE; the implicit grant is discouraged.',
      },
      () => ctx.fetch(new Request(`${domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: web.clientId, code, redirect_uri: CALLBACK, code_verifier: VERIFIER }).toString() }), { from: 'app' }),
    );
    const accessToken = ((await token.json()) as { access_token?: string }).access_token ?? '';
    await api(ctx, {
      title: 'Call /notes again',
      narration: 'With the hosted UI\'s access token, whose scope claim includes notes-api/notes.read, the Cognito authorizer lets the call through and the Lambda lists Bob\'s notes.',
    }, '/notes', { token: accessToken });
  },
};
