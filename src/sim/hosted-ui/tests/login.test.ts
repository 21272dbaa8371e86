// The login page's answers to a failed sign-in: the same checks and messages as USER_PASSWORD_AUTH (lockout,
// PreventUserExistenceErrors, disabled users), shown in the re-rendered form with no cookie set; sign-in by verified
// e-mail alias; and the change-password page a temporary password leads to.
import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, AdminDisableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../../testing/sdk-handler';
import { Browser, CALLBACK, hostedLab, type HostedLab } from './hosted-ui.testkit';

async function attempt(lab: HostedLab, browser: Browser, username: string, password: string) {
  const response = await browser.postForm(lab.authorizeUrl({}, '/login'), { username, password });
  return { response, html: response.status === 200 ? await response.text() : '' };
}

const alertOf = (html: string) => /<p id="loginErrorMessage" role="alert">([^<]*)<\/p>/.exec(html)?.[1];

describe('When the sign-in fails', () => {
  it('shows "Incorrect username or password." for a wrong password and for an unknown user alike, and sets no cookie', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    for (const [username, password] of [['alice', 'Wrong#Passw0rd'], ['nobody', 'Whatever#1']] as const) {
      const { response, html } = await attempt(lab, browser, username, password);
      expect(response.status).toBe(200);
      expect(alertOf(html)).toBe('Incorrect username or password.');
      expect(html).toContain(`value="${username}"`);
      expect(html).toContain('aria-invalid="true"');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(browser.cookie('cognito')).toBeUndefined();
  });

  it('locks the user out after five failures, as the API does', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    for (let i = 0; i < 5; i++) await attempt(lab, browser, 'alice', 'Wrong#Passw0rd');
    const locked = await attempt(lab, browser, 'alice', 'Alice#Passw0rd');
    expect(alertOf(locked.html)).toBe('Password attempts exceeded');
    const notes = lab.sim.trace().at(-1)!.notes;
    expect(notes.find((n) => n.kind === 'password-checked')).toMatchObject({ outcome: 'locked' });
  });

  it('says a disabled user is disabled, and asks again for a missing field', async () => {
    const lab = await hostedLab();
    await cognitoClient(lab.sim).send(new AdminDisableUserCommand({ UserPoolId: lab.poolId, Username: 'bob' }));
    expect(alertOf((await attempt(lab, new Browser(lab.sim), 'bob', 'Bob#Passw0rd1')).html)).toBe('User is disabled.');
    expect(alertOf((await attempt(lab, new Browser(lab.sim), 'bob', '')).html)).toBe('Missing required parameter PASSWORD');
  });

  it('answers a temporary password with the change-password page, and no cookie yet (new-password-required.test.ts)', async () => {
    const lab = await hostedLab();
    await cognitoClient(lab.sim).send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'tess', TemporaryPassword: 'Temp#Passw0rd', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'tess@example.com' }] }));
    const { response, html } = await attempt(lab, new Browser(lab.sim), 'tess', 'Temp#Passw0rd');
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Change password</h1>');
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('When alice signs in with her verified e-mail address', () => {
  it('signs her in as alice', async () => {
    const lab = await hostedLab();
    const { response } = await attempt(lab, new Browser(lab.sim), 'alice@example.com', 'Alice#Passw0rd');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });
});

describe('The pages beside the login form', () => {
  it('serves the sign-up and forgot-password pages (signup-*.test.ts, forgot-*.test.ts), and answers unknown paths and methods as such', async () => {
    const lab = await hostedLab();
    for (const [path, heading] of [['/signup', 'Sign up'], ['/forgotPassword', 'Forgot your password?']]) {
      const page = await lab.sim.fetch(new Request(lab.authorizeUrl({}, path)));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<h1>${heading}</h1>`);
    }
    expect((await lab.sim.fetch(new Request(`${lab.domain}/nowhere`))).status).toBe(404);
    const wrongMethod = await lab.sim.fetch(new Request(`${lab.domain}/oauth2/token`));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('serves only the domains of this world', async () => {
    const lab = await hostedLab();
    await expect(lab.sim.fetch(new Request('https://other-prefix.auth.us-east-1.amazoncognito.com/login'))).rejects.toThrow(TypeError);
  });
});
