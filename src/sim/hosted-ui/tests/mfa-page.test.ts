// The hosted UI's MFA page: a user with a second factor gets the code page after a right password, with no cookie and
// no redirect, and is signed in (cookie, code, tokens) only after a right code; a wrong code keeps the page and its
// session, an expired session ends the sign-in, SELECT_MFA_TYPE shows a choice; users without MFA are unchanged.
import { describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import {
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../../testing/sdk-handler';
import { worldWith } from '../../../testing/user-pool-harness';
import { bodyOf, Browser, CALLBACK, hostedLab, locationParams, MINUTE, pkcePair, type HostedLab } from './hosted-ui.testkit';

const PHONE = '+15555550100';
const code = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

/** alice sets up her factors through the API before she meets the hosted UI. */
async function aliceFactors(lab: HostedLab, factors: { totp?: boolean; sms?: boolean; prefer?: 'TOTP' | 'SMS' }) {
  const idp = cognitoClient(lab.sim);
  const signIn = await idp.send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice#Passw0rd' } }));
  const AccessToken = signIn.AuthenticationResult!.AccessToken!;
  let secret = '';
  if (factors.totp) {
    secret = (await idp.send(new AssociateSoftwareTokenCommand({ AccessToken }))).SecretCode!;
    await idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: code(secret, lab.sim.clock.now()), FriendlyDeviceName: 'Pixel' }));
    await idp.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: factors.prefer === 'TOTP' } }));
    lab.sim.clock.advance(30_000);
  }
  if (factors.sms) {
    await idp.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'phone_number', Value: PHONE }] }));
    await idp.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: factors.prefer === 'SMS' } }));
  }
  return { secret, AccessToken };
}

const sessionOf = (html: string) => /<input type="hidden" name="session" value="([^"]+)">/.exec(html)?.[1];
const alertOf = (html: string) => /<p id="mfaErrorMessage" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
const amp = (s: string) => s.replace(/&/g, '&amp;');

async function toMfaPage(lab: HostedLab, browser: Browser, params: Record<string, string> = {}) {
  const loginUrl = lab.authorizeUrl(params, '/login');
  const page = await browser.postForm(loginUrl, { username: 'alice', password: 'Alice#Passw0rd' });
  const query = new URL(loginUrl).search;
  return { page, html: await page.text(), mfaUrl: `${lab.domain}/mfa${query}`, query };
}

describe('When alice, who has an authenticator app, signs in on the hosted UI', () => {
  it('shows the MFA page instead of the redirect, then signs her in with the code: cookie, code, tokens', async () => {
    const lab = await hostedLab();
    const { secret } = await aliceFactors(lab, { totp: true, prefer: 'TOTP' });
    const browser = new Browser(lab.sim);
    const pkce = await pkcePair('mfa');
    const { page, html, mfaUrl, query } = await toMfaPage(lab, browser, { code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie()).toEqual([]);
    expect(html).toContain('<h1>Multi-factor authentication</h1>');
    expect(html).toContain(`<form method="post" action="/mfa${amp(query)}"`);
    expect(html).toContain('authenticator app (Pixel)');
    expect(html).toMatch(/<label for="mfaCode">Code<\/label>/);
    expect(lab.sim.trace().at(-1)!.notes).toContainEqual(expect.objectContaining({ kind: 'mfa', factor: 'TOTP', step: 'challenge' }));
    const session = sessionOf(html)!;

    const right = code(secret, lab.sim.clock.now());
    const wrong = await browser.postForm(mfaUrl, { session, code: right === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(200);
    const wrongHtml = await wrong.text();
    expect(alertOf(wrongHtml)).toBe('Invalid code received for user');
    expect(sessionOf(wrongHtml)).toBe(session);
    expect(wrong.headers.getSetCookie()).toEqual([]);

    const back = await browser.postForm(mfaUrl, { session, code: right });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
    expect(locationParams(back).get('state')).toBe('st-123');
    expect(browser.cookie('cognito')).toBeTruthy();
    const token = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code: locationParams(back).get('code')!, redirect_uri: CALLBACK, code_verifier: pkce.verifier });
    expect(token.status).toBe(200);
    expect(await bodyOf(token)).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });

    // The session is spent, and single sign-on needs no second code within the hour.
    expect(alertOf(await (await browser.postForm(mfaUrl, { session, code: right })).text())).toBe('Invalid session for the user, session is expired.');
    const again = await browser.get(lab.authorizeUrl());
    expect(again.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });

  it('ends the sign-in when the page is left open longer than AuthSessionValidity', async () => {
    const lab = await hostedLab();
    const { secret } = await aliceFactors(lab, { totp: true, prefer: 'TOTP' });
    const browser = new Browser(lab.sim);
    const { html, mfaUrl, query } = await toMfaPage(lab, browser);
    lab.sim.clock.advance(3 * MINUTE);
    const late = await browser.postForm(mfaUrl, { session: sessionOf(html)!, code: code(secret, lab.sim.clock.now()) });
    const lateHtml = await late.text();
    expect(alertOf(lateHtml)).toBe('Invalid session for the user, session is expired.');
    expect(lateHtml).toContain(`<a href="/login${amp(query)}">Sign in again</a>`);
    expect(browser.cookie('cognito')).toBeUndefined();
    expect(alertOf(await (await browser.postForm(mfaUrl, { session: 'made-up', code: '123456' })).text())).toBe('Invalid session for the user, session is expired.');
  });
});

describe('When alice has SMS MFA on', () => {
  it('texts the code and takes it from the page', async () => {
    const lab = await hostedLab();
    await aliceFactors(lab, { sms: true, prefer: 'SMS' });
    const browser = new Browser(lab.sim);
    const { html, mfaUrl } = await toMfaPage(lab, browser);
    expect(html).toContain('We texted a six-digit code to +*******0100.');
    const sms = lab.sim.messages().filter((m) => m.destination === PHONE).at(-1)!;
    const back = await browser.postForm(mfaUrl, { session: sessionOf(html)!, code: sms.code! });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
  });
});

describe('When alice has both factors and no preference', () => {
  it('asks which one, then for its code', async () => {
    const lab = await hostedLab();
    const { secret } = await aliceFactors(lab, { totp: true, sms: true });
    const browser = new Browser(lab.sim);
    const { html, mfaUrl } = await toMfaPage(lab, browser);
    expect(html).toContain('<h1>Choose how to confirm it is you</h1>');
    expect(html).toContain('<button type="submit" name="mfaType" value="SMS_MFA">Text message to +*******0100</button>');
    expect(html).toContain('<button type="submit" name="mfaType" value="SOFTWARE_TOKEN_MFA">Authenticator app</button>');
    expect(lab.sim.messages().filter((m) => m.destination === PHONE)).toHaveLength(0);
    const bad = await browser.postForm(mfaUrl, { session: sessionOf(html)!, mfaType: 'EMAIL_OTP' });
    expect(alertOf(await bad.text())).toBe('Invalid MFA type: EMAIL_OTP');
    const chosen = await browser.postForm(mfaUrl, { session: sessionOf(html)!, mfaType: 'SOFTWARE_TOKEN_MFA' });
    const codePage = await chosen.text();
    expect(codePage).toContain('<h1>Multi-factor authentication</h1>');
    const back = await browser.postForm(mfaUrl, { session: sessionOf(codePage)!, code: code(secret, lab.sim.clock.now()) });
    expect(back.status).toBe(302);
  });
});

describe('Users without a second factor, and pools that require one', () => {
  it('signs bob in at once, as before', async () => {
    const lab = await hostedLab();
    const back = await new Browser(lab.sim).postForm(lab.authorizeUrl({}, '/login'), { username: 'bob', password: 'Bob#Passw0rd1' });
    expect(back.status).toBe(302);
  });

  it('sets up an authenticator app on the page when the pool requires MFA, then signs her in', async () => {
    const lab = await hostedLab({ world: worldWith((p) => void (p.mfaConfiguration = 'ON')) });
    const browser = new Browser(lab.sim);
    const { page, html, mfaUrl } = await toMfaPage(lab, browser);
    expect(page.status).toBe(200);
    expect(browser.cookie('cognito')).toBeUndefined();
    expect(html).toContain('<h1>Set up an authenticator app</h1>');
    const secret = /<code id="totpSecret">([^<]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{52}$/);
    expect(html).toContain(`otpauth://totp/LearnerPool:alice?secret=${secret}&amp;issuer=LearnerPool`);
    const session = sessionOf(html)!;
    const right = code(secret, lab.sim.clock.now());
    const wrong = await browser.postForm(mfaUrl, { session, code: right === '000000' ? '111111' : '000000' });
    const wrongHtml = await wrong.text();
    expect(alertOf(wrongHtml)).toBe('Code mismatch and fail enable Software Token MFA');
    expect(wrongHtml).toContain(secret.slice(0, 4));
    const back = await browser.postForm(mfaUrl, { session, code: right, deviceName: 'Pixel' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')!.startsWith(`${CALLBACK}?code=`)).toBe(true);
    // The next sign-in (in a new browser, no single sign-on) asks for a code of the app she just added.
    lab.sim.clock.advance(30_000);
    const next = await toMfaPage(lab, new Browser(lab.sim));
    expect(next.html).toContain('authenticator app (Pixel)');
  });

  it('stops with an honest page when the pool offers only SMS and the user has no phone number', async () => {
    const lab = await hostedLab({ world: worldWith((p) => { p.mfaConfiguration = 'ON'; p.mfaFactors = ['SMS']; }) });
    const browser = new Browser(lab.sim);
    const { page, html } = await toMfaPage(lab, browser);
    expect(page.status).toBe(501);
    expect(html).toContain('MFA_SETUP');
    expect(browser.cookie('cognito')).toBeUndefined();
  });

  it('gives an access token without aws.cognito.signin.user.admin no right to set up MFA', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const pkce = await pkcePair('scope');
    const back = await browser.postForm(lab.authorizeUrl({ scope: 'openid email', code_challenge: pkce.challenge, code_challenge_method: 'S256' }, '/login'), { username: 'alice', password: 'Alice#Passw0rd' });
    const token = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code: locationParams(back).get('code')!, redirect_uri: CALLBACK, code_verifier: pkce.verifier }))) as { access_token: string };
    const error = await cognitoClient(lab.sim).send(new AssociateSoftwareTokenCommand({ AccessToken: token.access_token })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token does not have required scopes' });
  });
});
