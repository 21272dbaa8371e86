// The hosted UI's NEW_PASSWORD_REQUIRED step: a user an administrator created signs in on the login page with the
// temporary password, gets the change-password page (no code, no cookie yet), chooses a password that meets the policy
// and is then signed in and sent back to the app with a code. The change runs RespondToAuthChallenge's own rules:
// the policy, a required attribute the user still lacks, CONFIRMED afterwards; the page's session expires with the
// client's AuthSessionValidity.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { AdminCreateUserCommand, AdminGetUserCommand, type AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { defaultWorld } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { bodyOf, Browser, CALLBACK, hostedLab, locationParams, MINUTE, pkcePair, type HostedLab } from './hosted-ui.testkit';
import { alertOf, browserFor, formOn, inputLabelled } from '../../../testing/hosted-ui-pages';

const TEMPORARY = 'Temp#Passw0rd';
const CHOSEN = 'Tess#Chosen1';

async function createTess(lab: HostedLab, attributes: AttributeType[] = [{ Name: 'email', Value: 'tess@example.com' }, { Name: 'email_verified', Value: 'true' }]) {
  await cognitoClient(lab.sim).send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'tess', TemporaryPassword: TEMPORARY, MessageAction: 'SUPPRESS', UserAttributes: attributes }));
}

/** Tess signs in with the temporary password; the change-password page and its session. */
async function changePage(lab: HostedLab, browser: Browser) {
  const response = await browser.postForm(lab.authorizeUrl({}, '/login'), { username: 'tess', password: TEMPORARY });
  const html = await response.text();
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const post = (fields: Record<string, string>) => browser.postForm(lab.authorizeUrl({}, '/forceChangePassword'), { session, ...fields });
  return { response, html, session, post };
}

const statusOf = (lab: HostedLab) => cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: 'tess' })).then((u) => u.UserStatus);

describe('When Tess signs in to the hosted UI with her temporary password', () => {
  it('shows the change-password page, then signs her in with the new password and sends a code to the app', async () => {
    const lab = await hostedLab();
    await createTess(lab);
    const browser = browserFor(lab.sim);
    const { verifier, challenge } = await pkcePair();
    const login = await browser.get(lab.authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid email' }));
    const loginForm = formOn(browser, await login.text(), browser.urlOf(login));
    const page = await loginForm.submit({ username: 'tess', password: TEMPORARY });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Change password</h1>');
    expect(inputLabelled(html, 'New password')).toMatch(/type="password" autocomplete="new-password" required/);
    expect(html).toContain('<li>Password must contain a special character</li>');
    expect(browser.cookies(lab.domain)).toEqual([]);
    expect(lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'challenge')).toMatchObject({ challengeName: 'NEW_PASSWORD_REQUIRED' });

    const form = formOn(browser, html, browser.urlOf(page));
    expect(new URL(form.action).pathname).toBe('/forceChangePassword');
    expect(Object.keys(form.hidden)).toEqual(['session']);
    const back = await form.submit({ password: CHOSEN });
    expect(back.status).toBe(302);
    expect([...locationParams(back).keys()]).toEqual(['code', 'state']);
    expect(back.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
    expect(browser.cookies(lab.domain).map((c) => c.name)).toEqual(['cognito']);
    expect(await statusOf(lab)).toBe('CONFIRMED');

    const token = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code: locationParams(back).get('code')!, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(decodeJwt(((await bodyOf(token)) as { id_token: string }).id_token)).toMatchObject({ 'cognito:username': 'tess', email: 'tess@example.com' });

    const withOld = await new Browser(lab.sim).postForm(lab.authorizeUrl({}, '/login'), { username: 'tess', password: TEMPORARY });
    expect(alertOf(await withOld.text())).toBe('Incorrect username or password.');
    const withNew = await new Browser(lab.sim).postForm(lab.authorizeUrl({}, '/login'), { username: 'tess', password: CHOSEN });
    expect(withNew.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });

  it('shows the policy rule a new password breaks, and the same page still takes a good one', async () => {
    const lab = await hostedLab();
    await createTess(lab);
    const browser = new Browser(lab.sim);
    const { post } = await changePage(lab, browser);
    for (const [password, message] of [
      ['tess-chosen-1', 'Password does not conform to policy: Password must have uppercase characters'],
      ['Tess#1', 'Password does not conform to policy: Password not long enough'],
      ['', 'Missing required parameter NEW_PASSWORD'],
    ] as const) {
      const refused = await post({ password });
      const html = await refused.text();
      expect(refused.status).toBe(200);
      expect(alertOf(html)).toBe(message);
      expect(inputLabelled(html, 'New password')).toContain('aria-invalid="true"');
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    expect(await statusOf(lab)).toBe('FORCE_CHANGE_PASSWORD');
    expect((await post({ password: CHOSEN })).status).toBe(302);
  });

  it('asks for a required attribute the administrator left out', async () => {
    const lab = await hostedLab();
    await createTess(lab, []);
    const browser = new Browser(lab.sim);
    const { html, post } = await changePage(lab, browser);
    expect(inputLabelled(html, 'Email')).toMatch(/name="requiredAttributes\[email\]" type="email" autocomplete="email" required/);
    expect(alertOf(await (await post({ password: CHOSEN })).text())).toBe('Attributes did not conform to the schema: email: The attribute email is required');
    const done = await post({ password: CHOSEN, 'requiredAttributes[email]': 'tess@example.com' });
    expect(done.status).toBe(302);
    const tess = await cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: 'tess' }));
    expect(tess.UserAttributes).toContainEqual({ Name: 'email', Value: 'tess@example.com' });
  });

  it('refuses a page left open past the client\'s AuthSessionValidity, a made-up session, and a session used twice', async () => {
    const lab = await hostedLab();
    await createTess(lab);
    const expired = 'Invalid session for the user, session is expired. Sign in again with the temporary password.';
    const late = await changePage(lab, new Browser(lab.sim));
    lab.sim.clock.advance(3 * MINUTE);
    expect(await (await late.post({ password: CHOSEN })).text()).toContain(expired);
    expect(await statusOf(lab)).toBe('FORCE_CHANGE_PASSWORD');

    const forged = await new Browser(lab.sim).postForm(lab.authorizeUrl({}, '/forceChangePassword'), { session: 'x'.repeat(43), password: CHOSEN });
    expect(await forged.text()).toContain(expired);

    const inTime = await changePage(lab, new Browser(lab.sim));
    lab.sim.clock.advance(3 * MINUTE - 1);
    expect((await inTime.post({ password: CHOSEN })).status).toBe(302);
    expect(await (await inTime.post({ password: 'Tess#Other2' })).text()).toContain(expired);
  });

  it('asks for the second factor before signing her in when the pool requires MFA, as after any password', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.mfaConfiguration = 'ON';
    const lab = await hostedLab({ world });
    await createTess(lab);
    const { post } = await changePage(lab, new Browser(lab.sim));
    const next = await post({ password: CHOSEN });
    expect(next.status).not.toBe(302);
    expect(next.headers.getSetCookie().some((c) => c.startsWith('cognito='))).toBe(false);
    expect(await statusOf(lab)).toBe('CONFIRMED');
  });

  it('keeps the session to the app client that started it', async () => {
    const lab = await hostedLab();
    await createTess(lab);
    const { session } = await changePage(lab, new Browser(lab.sim));
    const albQuery = { client_id: lab.alb, redirect_uri: lab.albCallback, scope: 'openid' };
    const other = await new Browser(lab.sim).postForm(lab.authorizeUrl(albQuery, '/forceChangePassword'), { session, password: CHOSEN });
    expect(other.status).toBe(200);
    expect(await statusOf(lab)).toBe('FORCE_CHANGE_PASSWORD');
  });
});
