// Every refusal of the sign-up and confirmation pages, shown in the page as the API words it: the password policy one
// rule at a time, a taken username (even with PreventUserExistenceErrors, as SignUp does), a missing or malformed
// required attribute, a pool where only administrators create users; a wrong, expired or over-guessed code, the resend
// limit, a user already confirmed, and a confirmation from a browser that did not sign up (no automatic sign-in).
import { describe, expect, it } from 'vitest';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { defaultWorld } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { Browser, CALLBACK, hostedLab, MINUTE, type HostedLab } from './hosted-ui.testkit';
import { alertOf, inputLabelled, lastCode, statusOf } from '../../../testing/hosted-ui-pages';

const PASSWORD = 'Carol#Passw0rd';

/** Posts the sign-up form; a field given as undefined is left out, as a hand-made request would. */
async function postSignUp(lab: HostedLab, browser: Browser, fields: Record<string, string | undefined>) {
  const all: Record<string, string | undefined> = { username: 'carol', 'requiredAttributes[email]': 'carol@example.com', password: PASSWORD, ...fields };
  const form = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  const response = await browser.postForm(lab.authorizeUrl({}, '/signup'), form);
  return { response, html: response.status === 200 ? await response.text() : '' };
}

/** Signs carol up in this browser and returns the /confirm URL it was sent to. */
async function signedUp(lab: HostedLab, browser: Browser): Promise<string> {
  const { response } = await postSignUp(lab, browser, {});
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

async function postConfirm(browser: Browser, confirmUrl: string, code: string, username = 'carol') {
  const response = await browser.postForm(confirmUrl, { username, confirmation_code: code });
  return { response, html: response.status === 200 ? await response.text() : '' };
}

const userExists = async (lab: HostedLab, Username: string) =>
  cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username })).then(() => true, (e: Error) => (e.name === 'UserNotFoundException' ? false : Promise.reject(e)));

describe('When the sign-up form is refused', () => {
  it('shows the policy rule the password breaks, keeps what was typed except the password, and creates no one', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const cases: [string, string][] = [
      ['Ab1!xyz', 'Password does not conform to policy: Password not long enough'],
      ['abcdefg1!', 'Password does not conform to policy: Password must have uppercase characters'],
      ['ABCDEFG1!', 'Password does not conform to policy: Password must have lowercase characters'],
      ['Abcdefgh!', 'Password does not conform to policy: Password must have numeric characters'],
      ['Abcdefgh1', 'Password does not conform to policy: Password must have symbol characters'],
      ['Ab1!', "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6"],
    ];
    for (const [password, message] of cases) {
      const { response, html } = await postSignUp(lab, browser, { password });
      expect(response.status).toBe(200);
      expect(alertOf(html)).toBe(message);
      expect(inputLabelled(html, 'Username')).toContain('value="carol"');
      expect(inputLabelled(html, 'Email')).toContain('value="carol@example.com"');
      expect(inputLabelled(html, 'Password')).toContain('aria-invalid="true"');
      expect(html).not.toContain(password);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'error')).toMatchObject({ code: 'InvalidParameterException', status: 200 });
    expect(await userExists(lab, 'carol')).toBe(false);
    expect(lab.sim.messages()).toEqual([]);
  });

  it('says a taken username is taken, even though the client hides user existence elsewhere', async () => {
    const lab = await hostedLab();
    for (const username of ['alice', 'ALICE']) {
      expect(alertOf((await postSignUp(lab, new Browser(lab.sim), { username })).html)).toBe('User already exists');
    }
  });

  it('asks for the required e-mail address, and a well-formed one', async () => {
    const lab = await hostedLab();
    expect(alertOf((await postSignUp(lab, new Browser(lab.sim), { 'requiredAttributes[email]': undefined })).html)).toBe('Attributes did not conform to the schema: email: The attribute email is required');
    for (const email of ['', 'not-an-address']) {
      expect(alertOf((await postSignUp(lab, new Browser(lab.sim), { 'requiredAttributes[email]': email })).html)).toBe('Invalid email address format.');
    }
    expect(await userExists(lab, 'carol')).toBe(false);
  });

  it('offers no form where only administrators create users, and refuses a posted one', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.allowSelfSignUp = false;
    const lab = await hostedLab({ world });
    const page = await new Browser(lab.sim).get(lab.authorizeUrl({}, '/signup'));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(alertOf(html)).toBe('SignUp is not permitted for this user pool');
    expect(html).not.toContain('<form');
    expect(alertOf((await postSignUp(lab, new Browser(lab.sim), {})).html)).toBe('SignUp is not permitted for this user pool');
    expect(await userExists(lab, 'carol')).toBe(false);
    const login = await (await new Browser(lab.sim).get(lab.authorizeUrl({}, '/login'))).text();
    expect(login).not.toContain('href="/signup');
    expect(login).toContain('href="/forgotPassword');
  });

  it('links the login page to the sign-up page where users may sign themselves up', async () => {
    const lab = await hostedLab();
    expect(await (await new Browser(lab.sim).get(lab.authorizeUrl({}, '/login'))).text()).toContain('href="/signup');
  });

  it('checks the app client and redirect URI first, as /login does', async () => {
    const lab = await hostedLab();
    const page = await new Browser(lab.sim).get(lab.authorizeUrl({ redirect_uri: 'https://evil.example/cb' }, '/signup'));
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`${lab.domain}/error?error=redirect_mismatch&client_id=${lab.web}`);
  });
});

describe('When the confirmation code is not right', () => {
  it('says a wrong code is wrong, and the right one still works afterwards', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const confirmUrl = await signedUp(lab, browser);
    const code = lastCode(lab.sim, 'carol@example.com');
    const wrong = await postConfirm(browser, confirmUrl, code === '000000' ? '111111' : '000000');
    expect(alertOf(wrong.html)).toBe('Invalid verification code provided, please try again.');
    expect(wrong.html).toContain('We have sent a code by email to c***@e***.');
    expect(lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'code-checked')).toMatchObject({ outcome: 'mismatch' });
    const right = await postConfirm(browser, confirmUrl, code);
    expect(right.response.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });

  it('says an expired code must be requested again; the "Send a new code" link sends one, and only the new one works — a day later, by the login page', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const confirmUrl = await signedUp(lab, browser);
    const first = lastCode(lab.sim, 'carol@example.com');
    lab.sim.clock.advance(24 * 60 * MINUTE);
    expect(alertOf((await postConfirm(browser, confirmUrl, first)).html)).toBe('Invalid code provided, please request a code again.');

    const resend = await browser.get(confirmUrl.replace('/confirm?', '/resendcode?'));
    const html = await resend.text();
    expect(resend.status).toBe(200);
    expect(statusOf(html)).toBe('A new code was sent by email to c***@e***.');
    const second = lastCode(lab.sim, 'carol@example.com');
    expect(lab.sim.messages()).toHaveLength(2);
    if (second !== first) expect(alertOf((await postConfirm(browser, confirmUrl, first)).html)).toBe('Invalid verification code provided, please try again.');
    const right = await postConfirm(browser, confirmUrl, second);
    expect(right.response.status).toBe(302);
    // The sign-up this browser started ended with its hour: confirmed, but not signed in.
    expect(right.response.headers.get('location')).toBe(lab.authorizeUrl({}, '/login'));
    expect(browser.cookie('cognito')).toBeUndefined();
  });

  it('stops guesses after five wrong codes, and resends after five new codes an hour, with AWS\'s limit message', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const confirmUrl = await signedUp(lab, browser);
    const code = lastCode(lab.sim, 'carol@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await postConfirm(browser, confirmUrl, wrong);
    expect(alertOf((await postConfirm(browser, confirmUrl, code)).html)).toBe('Attempt limit exceeded, please try after some time.');

    const resendUrl = confirmUrl.replace('/confirm?', '/resendcode?');
    for (let i = 0; i < 5; i++) expect(statusOf(await (await browser.get(resendUrl)).text())).toMatch(/^A new code was sent/);
    const refused = await (await browser.get(resendUrl)).text();
    expect(alertOf(refused)).toBe('Attempt limit exceeded, please try after some time.');
    expect(lab.sim.messages()).toHaveLength(6);
  });

  it('refuses to confirm a user twice', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const confirmUrl = await signedUp(lab, browser);
    const code = lastCode(lab.sim, 'carol@example.com');
    await postConfirm(browser, confirmUrl, code);
    expect(alertOf((await postConfirm(new Browser(lab.sim), confirmUrl, code)).html)).toBe('User cannot be confirmed. Current status is CONFIRMED');
  });

  it('answers an unknown user like a wrong code, and pretends to resend to one (PreventUserExistenceErrors)', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const confirmUrl = lab.authorizeUrl({ username: 'nobody' }, '/confirm');
    expect(alertOf((await postConfirm(browser, confirmUrl, '123456', 'nobody')).html)).toBe('Invalid verification code provided, please try again.');
    const resend = await (await browser.get(lab.authorizeUrl({ username: 'nobody' }, '/resendcode'))).text();
    expect(statusOf(resend)).toMatch(/^A new code was sent by email to [a-z]\*\*\*@[a-z]\*\*\*\.$/);
    expect(lab.sim.messages()).toEqual([]);
  });
});

describe('When the account is confirmed from a browser that did not sign up', () => {
  it('asks for the username on /confirm, confirms, and sends the browser to the login page without signing anyone in', async () => {
    const lab = await hostedLab();
    await signedUp(lab, new Browser(lab.sim));
    const other = new Browser(lab.sim);
    const page = await (await other.get(lab.authorizeUrl({}, '/confirm'))).text();
    expect(inputLabelled(page, 'Username')).toContain('autocomplete="username"');
    expect(page).toContain('We have sent a code. Enter it below to confirm your account.');
    const { response } = await postConfirm(other, lab.authorizeUrl({}, '/confirm'), lastCode(lab.sim, 'carol@example.com'));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(lab.authorizeUrl({}, '/login'));
    expect(other.cookie('cognito')).toBeUndefined();
    const login = await other.postForm(response.headers.get('location')!, { username: 'carol', password: PASSWORD });
    expect(login.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });

  it('does not let a sign-up cookie sign in another user confirmed with it', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const confirmUrl = await signedUp(lab, browser);
    await postSignUp(lab, new Browser(lab.sim), { username: 'dora', 'requiredAttributes[email]': 'dora@example.com' });
    const { response } = await postConfirm(browser, confirmUrl, lastCode(lab.sim, 'dora@example.com'), 'dora');
    expect(response.headers.get('location')).toBe(lab.authorizeUrl({}, '/login'));
    expect(browser.cookie('cognito')).toBeUndefined();
  });
});
