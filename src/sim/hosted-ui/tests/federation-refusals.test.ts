// What /oauth2/idpresponse refuses: a relay state it never issued, one already used, one that expired (the error page
// "Invalid State/RelayState provided.", no redirect), and the user's Cancel at Google (error=access_denied passed on to
// the app). And the check the hosted UI makes of Google's ID token before believing it: a tampered token, a token for
// another client (wrong audience) and an expired one are refused.
import { describe, expect, it } from 'vitest';
import { CALLBACK, federationLab, GINA, GLEN, googleIdTokenForHostedUi, googleIdTokenForWebApp, googleLogin, HOUR, locationOf, MINUTE, paramsOf, submitIdpForm, type FederationLab } from '../../../testing/federation-harness';
import { verifyGoogleIdToken } from '../federation/google';

async function atGoogle(lab: FederationLab) {
  const browser = lab.newBrowser();
  const page = await browser.follow(await browser.request(lab.authorizeUrl({ identity_provider: 'Google' })));
  return { browser, page };
}

const googleCall = (lab: FederationLab) => ({ fetch: (request: Request) => lab.sim.fetch(request) });

describe('When the identity provider comes back with a bad relay state', () => {
  it('shows the error page for a state it never issued, or none', async () => {
    const lab = await federationLab();
    for (const query of ['?code=4%2F0Aabc&state=made-up', '?code=4%2F0Aabc']) {
      const response = await lab.newBrowser().request(`${lab.idpResponse}${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      const html = await response.text();
      expect(html).toContain('<h1>An error was encountered with the requested page.</h1>');
      expect(html).toContain('<p role="alert">Invalid State/RelayState provided.</p>');
    }
    const note = lab.sim.trace().at(-1)!.notes.at(-1)!;
    expect(note).toMatchObject({ kind: 'oauth', outcome: 'refused' });
  });

  it('refuses a replayed idpresponse: the relay state is used up', async () => {
    const lab = await federationLab();
    const { browser, page } = await atGoogle(lab);
    const back = await submitIdpForm(browser, page, googleLogin(GLEN));
    expect((await browser.follow(back)).status).toBe(302);
    const replay = await browser.request(back.headers.get('location')!);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('Invalid State/RelayState provided.');
  });

  it('refuses a relay state that expired while the user was at Google', async () => {
    const lab = await federationLab();
    const { browser, page } = await atGoogle(lab);
    lab.sim.clock.advance(15 * MINUTE);
    const callback = await browser.follow(await submitIdpForm(browser, page, googleLogin(GLEN)));
    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain('Invalid State/RelayState provided.');
    expect(lab.pool().users.has(`google_${GLEN.sub}`)).toBe(false);
  });
});

describe('When the user cancels at Google', () => {
  it('passes error=access_denied on to the app with the app\'s state, and signs no one in', async () => {
    const lab = await federationLab();
    const { browser, page } = await atGoogle(lab);
    const back = await submitIdpForm(browser, page, { action: 'cancel' });
    expect(paramsOf(locationOf(back)).get('error')).toBe('access_denied');
    const callback = await browser.follow(back);
    expect(callback.status).toBe(302);
    const app = locationOf(callback);
    expect(`${app.origin}${app.pathname}`).toBe(CALLBACK);
    expect(Object.fromEntries(app.searchParams)).toEqual({ error_description: 'access_denied', error: 'access_denied', state: 'st-123' });
    expect(browser.cookies(lab.domain)).toEqual([]);
    const note = lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'federation');
    expect(note).toMatchObject({ provider: 'Google', step: 'login', outcome: 'refused' });
  });
});

describe('When the hosted UI checks a Google ID token', () => {
  it('accepts a genuine one for the pool\'s Google client, and refuses a tampered one, one for another client, and an expired one', async () => {
    const lab = await federationLab();
    const audience = lab.hostedUiGoogle.clientId;
    // A genuine token for the hosted UI's client: Google's token endpoint, as the hosted UI calls it.
    const genuine = await googleIdTokenForHostedUi(lab, GINA);
    expect(await verifyGoogleIdToken(googleCall(lab), genuine, { audience, now: lab.sim.clock.now() })).toMatchObject({ ok: true, claims: { sub: GINA.sub } });

    const [h, p, s] = genuine.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: GLEN.sub })).toString('base64url')}.${s}`;
    const tampered = await verifyGoogleIdToken(googleCall(lab), forged, { audience, now: lab.sim.clock.now() });
    expect(tampered).toEqual({ ok: false, reason: expect.stringContaining('signature does not verify') });

    const forWebApp = await googleIdTokenForWebApp(lab, GINA);
    const wrongAudience = await verifyGoogleIdToken(googleCall(lab), forWebApp, { audience, now: lab.sim.clock.now() });
    expect(wrongAudience).toEqual({ ok: false, reason: expect.stringContaining('aud') });

    const expired = await verifyGoogleIdToken(googleCall(lab), genuine, { audience, now: lab.sim.clock.now() + HOUR + 1000 });
    expect(expired).toEqual({ ok: false, reason: 'it has expired' });
  });
});
