// The hosted UI's sign-up, driven with the simulated browser of src/client as a learner clicks through it: the login
// page's "Sign up" link → /signup (labels, autocomplete, the password rules) → the redirect to /confirm with the
// cognito-flow cookie → the e-mailed code → signed in and back at the app with a code → tokens for the new user. The
// user is created exactly as the SignUp operation creates one, checked from outside with AdminGetUser.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { AdminGetUserCommand, SignUpCommand, type AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../../testing/sdk-handler';
import { bodyOf, CALLBACK, hostedLab, locationParams, pkcePair, type HostedLab } from './hosted-ui.testkit';
import { browserFor, formOn, inputLabelled, lastCode, linkTo } from '../../../testing/hosted-ui-pages';

const PASSWORD = 'Carol#Passw0rd';

/** authorize → login page → "Sign up" → the filled-in form posted; the 302 to /confirm, not followed. */
async function signUpThroughPages(lab: HostedLab, username: string, email: string, params: Record<string, string> = {}) {
  const browser = browserFor(lab.sim);
  const login = await browser.get(lab.authorizeUrl(params));
  const signUp = await browser.get(linkTo(await login.text(), 'Sign up', browser.urlOf(login)));
  const html = await signUp.text();
  const toConfirm = await formOn(browser, html, browser.urlOf(signUp)).submit({ username, 'requiredAttributes[email]': email, password: PASSWORD });
  return { browser, signUp, html, toConfirm };
}

describe('When Carol signs up through the hosted UI', () => {
  it('walks sign-up → confirm → back to the app with a code → tokens, and is signed in', async () => {
    const lab = await hostedLab();
    const { verifier, challenge } = await pkcePair();
    const params = { code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid email profile' };
    const { browser, signUp, html, toConfirm } = await signUpThroughPages(lab, 'carol', 'carol@example.com', params);

    expect(signUp.status).toBe(200);
    expect(new URL(browser.urlOf(signUp)).pathname).toBe('/signup');
    expect(new URL(browser.urlOf(signUp)).search).toBe(new URL(lab.authorizeUrl(params)).search);
    expect(inputLabelled(html, 'Username')).toContain('autocomplete="username"');
    expect(inputLabelled(html, 'Email')).toMatch(/name="requiredAttributes\[email\]" type="email" autocomplete="email" required/);
    expect(inputLabelled(html, 'Password')).toMatch(/type="password" autocomplete="new-password" required aria-describedby="signUpFormPassword-rules"/);
    expect([...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual([
      'Password must contain a lower case letter',
      'Password must contain an upper case letter',
      'Password must contain a number',
      'Password must contain a special character',
      'Password must contain at least 8 characters',
    ]);

    expect(toConfirm.status).toBe(302);
    const confirmUrl = new URL(toConfirm.headers.get('location')!);
    expect(`${confirmUrl.origin}${confirmUrl.pathname}`).toBe(`${lab.domain}/confirm`);
    expect(confirmUrl.searchParams.get('username')).toBe('carol');
    expect(confirmUrl.searchParams.get('code_challenge')).toBe(challenge);
    expect(browser.cookies(lab.domain).map((c) => c.name)).toEqual(['cognito-flow']);
    expect(browser.cookies(lab.domain)[0]).toMatchObject({ httpOnly: true, secure: true });

    const confirm = await browser.follow(toConfirm);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain('We have sent a code by email to c***@e***. Enter it below to confirm your account.');
    expect(inputLabelled(confirmHtml, 'Verification code')).toContain('autocomplete="one-time-code"');
    expect(linkTo(confirmHtml, 'Send a new code', browser.urlOf(confirm))).toBe(`${lab.domain}/resendcode?${confirmUrl.searchParams.toString()}`);
    const form = formOn(browser, confirmHtml, browser.urlOf(confirm));
    expect(form.hidden).toEqual({ username: 'carol' });

    const message = lab.sim.messages().at(-1)!;
    expect(message).toMatchObject({ channel: 'EMAIL', destination: 'carol@example.com', subject: 'Your verification code' });
    const back = await form.submit({ confirmation_code: message.code! });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect([...callback.searchParams.keys()]).toEqual(['code', 'state']);
    expect(callback.searchParams.get('state')).toBe('st-123');
    expect(browser.cookies(lab.domain).map((c) => c.name)).toEqual(['cognito']);

    const token = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code: callback.searchParams.get('code')!, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(token.status).toBe(200);
    const tokens = (await bodyOf(token)) as { id_token: string; access_token: string };
    expect(decodeJwt(tokens.id_token)).toMatchObject({ 'cognito:username': 'carol', email: 'carol@example.com', email_verified: true, auth_time: Math.floor(lab.sim.clock.now() / 1000) });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ username: 'carol', scope: 'openid email profile', version: 2 });

    // The session the confirmation opened is a real one: the next authorize needs no login page.
    const again = await browser.request(lab.authorizeUrl({ state: 'later' }));
    expect(again.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });

  it('creates the user exactly as the SignUp operation does, and confirms it as ConfirmSignUp does', async () => {
    const lab = await hostedLab();
    const sdk = cognitoClient(lab.sim);
    const { browser, toConfirm } = await signUpThroughPages(lab, 'carol', 'carol@example.com');
    await sdk.send(new SignUpCommand({ ClientId: lab.web, Username: 'dave', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }] }));
    const get = (Username: string) => sdk.send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username }));
    const shape = (u: AdminGetUserCommandOutput, name: string) => ({
      UserStatus: u.UserStatus,
      Enabled: u.Enabled,
      UserCreateDate: u.UserCreateDate,
      attributes: Object.fromEntries(u.UserAttributes!.map((a) => [a.Name, a.Name === 'sub' ? 'uuid' : a.Value!.replace(name, 'X')])),
    });
    expect(shape(await get('carol'), 'carol')).toEqual(shape(await get('dave'), 'dave'));
    expect(shape(await get('carol'), 'carol')).toMatchObject({ UserStatus: 'UNCONFIRMED', attributes: { email: 'X@example.com' } });

    // The page's exchange made the same decisions as the API's: policy, user created, code sent.
    const kinds = (operation: string) => lab.sim.trace().find((x) => x.operation === operation)!.notes.map((n) => n.kind).filter((k) => k !== 'oauth' && k !== 'info');
    expect(kinds('POST /signup')).toEqual(kinds('SignUp'));
    expect(kinds('SignUp')).toEqual(['password-policy', 'user-changed', 'code-sent']);

    const confirm = await browser.follow(toConfirm);
    await formOn(browser, await confirm.text(), browser.urlOf(confirm)).submit({ confirmation_code: lastCode(lab.sim, 'carol@example.com') });
    const carol = await get('carol');
    expect(carol.UserStatus).toBe('CONFIRMED');
    expect(carol.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
  });

  it('signs up for the ALB client, which has a secret, without any SECRET_HASH, and goes back to the ALB', async () => {
    const lab = await hostedLab();
    const { browser, toConfirm } = await signUpThroughPages(lab, 'erin', 'erin@example.com', { client_id: lab.alb, redirect_uri: lab.albCallback, scope: 'openid' });
    expect(toConfirm.status).toBe(302);
    const confirm = await browser.follow(toConfirm);
    const back = await formOn(browser, await confirm.text(), browser.urlOf(confirm)).submit({ confirmation_code: lastCode(lab.sim, 'erin@example.com') });
    expect(back.headers.get('location')!.startsWith(`${lab.albCallback}?code=`)).toBe(true);
    const token = await lab.token({ grant_type: 'authorization_code', code: locationParams(back).get('code')!, redirect_uri: lab.albCallback }, { basic: [lab.alb, lab.albSecret] });
    expect(decodeJwt(((await bodyOf(token)) as { id_token: string }).id_token)['cognito:username']).toBe('erin');
  });

  it('asks for the e-mail as the username in a pool that signs users in by e-mail, and confirms by it', async () => {
    const world = structuredClone((await import('../../index')).defaultWorld);
    const pool = world.userPools[0]!;
    pool.usernameAttributes = ['email'];
    pool.aliasAttributes = [];
    pool.users = [];
    const lab = await hostedLab({ world });
    const browser = browserFor(lab.sim);
    const login = await browser.get(lab.authorizeUrl());
    const signUp = await browser.get(linkTo(await login.text(), 'Sign up', browser.urlOf(login)));
    const html = await signUp.text();
    expect(inputLabelled(html, 'Email')).toMatch(/name="username" type="email" autocomplete="username"/);
    expect(html).not.toContain('requiredAttributes[email]');
    const toConfirm = await formOn(browser, html, browser.urlOf(signUp)).submit({ username: 'fay@example.com', password: PASSWORD });
    const confirm = await browser.follow(toConfirm);
    const back = await formOn(browser, await confirm.text(), browser.urlOf(confirm)).submit({ confirmation_code: lastCode(lab.sim, 'fay@example.com') });
    expect(back.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
    const created = await cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: 'fay@example.com' }));
    expect(created.Username).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.UserStatus).toBe('CONFIRMED');
  });
});
