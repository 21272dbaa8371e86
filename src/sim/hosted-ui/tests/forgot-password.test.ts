// The hosted UI's password reset, as a learner clicks through it with the simulated browser: the login page's "Forgot
// your password?" → /forgotPassword → the redirect to /confirmforgotPassword → the e-mailed code and a new password →
// back to the login page, where the old password fails and the new one signs in. Then every refusal, in the API's
// words: the policy, a wrong, expired or over-guessed code, the hourly limit, the account recovery setting, a user with
// no verified address or a temporary password, and PreventUserExistenceErrors' simulated delivery for a user who does
// not exist.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { defaultWorld, DEMO_PASSWORDS, type WorldConfig } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, locationParams, MINUTE, pkcePair, type HostedLab } from './hosted-ui.testkit';
import { alertOf, browserFor, formOn, inputLabelled, lastCode, linkTo } from '../../../testing/hosted-ui-pages';

const NEW_PASSWORD = 'Bob#NewPassw0rd';

/** Asks for bob's reset in this browser; the /confirmforgotPassword URL it was sent to. */
async function resetRequested(lab: HostedLab, browser: Browser, username = 'bob'): Promise<string> {
  const response = await browser.postForm(lab.authorizeUrl({}, '/forgotPassword'), { username });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

async function postReset(browser: Browser, url: string, code: string, password = NEW_PASSWORD, username = 'bob') {
  const response = await browser.postForm(url, { username, code, password });
  return { response, html: response.status === 200 ? await response.text() : '' };
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

describe('When Bob forgets his password and resets it through the hosted UI', () => {
  it('walks forgot password → code and new password → the login page → signed in with the new password only', async () => {
    const lab = await hostedLab();
    const browser = browserFor(lab.sim);
    const { verifier, challenge } = await pkcePair();
    const params = { code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid email' };
    const login = await browser.get(lab.authorizeUrl(params));
    const forgot = await browser.get(linkTo(await login.text(), 'Forgot your password?', browser.urlOf(login)));
    const forgotHtml = await forgot.text();
    expect(forgot.status).toBe(200);
    expect(new URL(browser.urlOf(forgot)).pathname).toBe('/forgotPassword');
    expect(inputLabelled(forgotHtml, 'Username')).toContain('autocomplete="username"');

    const toReset = await formOn(browser, forgotHtml, browser.urlOf(forgot)).submit({ username: 'bob' });
    expect(toReset.status).toBe(302);
    const resetUrl = new URL(toReset.headers.get('location')!);
    expect(`${resetUrl.origin}${resetUrl.pathname}`).toBe(`${lab.domain}/confirmforgotPassword`);
    expect(resetUrl.searchParams.get('username')).toBe('bob');
    expect(resetUrl.searchParams.get('code_challenge')).toBe(challenge);
    const message = lab.sim.messages().at(-1)!;
    expect(message).toMatchObject({ channel: 'EMAIL', destination: 'bob@example.com' });
    expect(message.body).toContain('Your password reset code is');

    const reset = await browser.follow(toReset);
    const resetHtml = await reset.text();
    expect(resetHtml).toContain('We have sent a password reset code by email to b***@e***. Enter it below to reset your password.');
    expect(inputLabelled(resetHtml, 'Code')).toContain('autocomplete="one-time-code"');
    expect(inputLabelled(resetHtml, 'New password')).toContain('autocomplete="new-password"');
    expect(resetHtml).toContain('<li>Password must contain at least 8 characters</li>');
    const form = formOn(browser, resetHtml, browser.urlOf(reset));
    expect(form.hidden).toEqual({ username: 'bob' });

    const done = await form.submit({ code: message.code!, password: NEW_PASSWORD });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(lab.authorizeUrl(params, '/login'));
    expect(browser.cookies(lab.domain)).toEqual([]);

    const loginPage = await browser.follow(done);
    const loginForm = formOn(browser, await loginPage.text(), browser.urlOf(loginPage));
    const old = await loginForm.submit({ username: 'bob', password: DEMO_PASSWORDS.bob });
    expect(alertOf(await old.text())).toBe('Incorrect username or password.');
    const back = await loginForm.submit({ username: 'bob', password: NEW_PASSWORD });
    expect(back.status).toBe(302);
    const token = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code: locationParams(back).get('code')!, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(decodeJwt(((await bodyOf(token)) as { id_token: string }).id_token)).toMatchObject({ 'cognito:username': 'bob', email: 'bob@example.com' });
  });

  it('leaves the old password working until the reset is confirmed', async () => {
    const lab = await hostedLab();
    await resetRequested(lab, new Browser(lab.sim));
    const { back } = await codeFor(lab, new Browser(lab.sim));
    expect(back.status).toBe(302);
    expect(back.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });
});

describe('When the reset is refused', () => {
  it('shows the policy rule the new password breaks, and the code still works for a good one', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const url = await resetRequested(lab, browser);
    const code = lastCode(lab.sim, 'bob@example.com');
    const weak = await postReset(browser, url, code, 'bobpassword1!');
    expect(weak.response.status).toBe(200);
    expect(alertOf(weak.html)).toBe('Password does not conform to policy: Password must have uppercase characters');
    expect(inputLabelled(weak.html, 'New password')).toContain('aria-invalid="true"');
    expect(weak.html).toContain('by email to b***@e***');
    expect(alertOf((await postReset(browser, url, code, 'Ab1!')).html)).toBe("1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6");
    expect((await postReset(browser, url, code)).response.status).toBe(302);
  });

  it('says a wrong code is wrong, an expired one must be requested again, and stops after five wrong guesses', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    let url = await resetRequested(lab, browser);
    let code = lastCode(lab.sim, 'bob@example.com');
    expect(alertOf((await postReset(browser, url, otherThan(code))).html)).toBe('Invalid verification code provided, please try again.');
    lab.sim.clock.advance(60 * MINUTE);
    expect(alertOf((await postReset(browser, url, code)).html)).toBe('Invalid code provided, please request a code again.');

    url = await resetRequested(lab, browser);
    code = lastCode(lab.sim, 'bob@example.com');
    for (let i = 0; i < 5; i++) await postReset(browser, url, otherThan(code));
    expect(alertOf((await postReset(browser, url, code)).html)).toBe('Attempt limit exceeded, please try after some time.');
  });

  it('allows five reset codes an hour, then shows the limit on the forgot-password page', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    for (let i = 0; i < 5; i++) await resetRequested(lab, browser);
    const refused = await browser.postForm(lab.authorizeUrl({}, '/forgotPassword'), { username: 'bob' });
    expect(refused.status).toBe(200);
    const html = await refused.text();
    expect(alertOf(html)).toBe('Attempt limit exceeded, please try after some time.');
    expect(inputLabelled(html, 'Username')).toContain('value="bob"');
  });

  it('pretends to send a code for a user who does not exist, then answers like a wrong code (PreventUserExistenceErrors)', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const url = await resetRequested(lab, browser, 'nobody');
    const page = await (await browser.get(url)).text();
    expect(page).toMatch(/We have sent a password reset code by email to [a-z]\*\*\*@[a-z]\*\*\*\./);
    expect(lab.sim.messages()).toEqual([]);
    expect(alertOf((await postReset(browser, url, '123456', NEW_PASSWORD, 'nobody')).html)).toBe('Invalid verification code provided, please try again.');
  });

  it('follows the account recovery setting, and refuses users with no verified address or a temporary password', async () => {
    const world: WorldConfig = structuredClone(defaultWorld);
    world.userPools[0]!.users!.push({ username: 'gus', password: 'Gus#Passw0rd', attributes: { email: 'gus@example.com', email_verified: 'false' }, status: 'CONFIRMED' });
    const lab = await hostedLab({ world });
    const ask = async (username: string) => alertOf(await (await new Browser(lab.sim).postForm(lab.authorizeUrl({}, '/forgotPassword'), { username })).text());
    expect(await ask('gus')).toBe('Cannot reset password for the user as there is no registered/verified email or phone_number');
    await cognitoClient(lab.sim).send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'tess', TemporaryPassword: 'Temp#Passw0rd', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'tess@example.com' }, { Name: 'email_verified', Value: 'true' }] }));
    expect(await ask('tess')).toBe('User password cannot be reset in the current state.');

    const adminOnly: WorldConfig = structuredClone(defaultWorld);
    adminOnly.userPools[0]!.accountRecovery = 'admin_only';
    const closed = await hostedLab({ world: adminOnly });
    const page = await (await new Browser(closed.sim).postForm(closed.authorizeUrl({}, '/forgotPassword'), { username: 'bob' })).text();
    expect(alertOf(page)).toBe('Contact administrator to reset password.');
    expect(closed.sim.messages()).toEqual([]);
  });

  it('sends a reset page without a username back to the forgot-password page', async () => {
    const lab = await hostedLab();
    const response = await new Browser(lab.sim).get(lab.authorizeUrl({}, '/confirmforgotPassword'));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(lab.authorizeUrl({}, '/forgotPassword'));
  });
});
