// The simulated Facebook as an app meets it: the Login dialog, the code traded for an opaque user access token at the
// Graph API, /me and /app answered for that token only, and Facebook's refusals in its OAuthException shape (a used
// code, a wrong secret, a made-up or expired token, an unregistered redirect URI, Cancel).
import { describe, expect, it } from 'vitest';
import { CALLBACK, facebookLogin, facebookTokenForWebApp, federationLab, FIONA, HOUR, locationOf, paramsOf, submitIdpForm, type FederationLab } from '../../../testing/federation-harness';

function dialogUrl(lab: FederationLab, params: Record<string, string> = {}): string {
  return `https://www.facebook.com/v17.0/dialog/oauth?${new URLSearchParams({ client_id: lab.hostedUiFacebook.appId, redirect_uri: lab.idpResponse, state: 'relay-f', scope: 'public_profile,email', response_type: 'code', ...params }).toString()}`;
}

async function graph(lab: FederationLab, path: string, params: Record<string, string>): Promise<Response> {
  return lab.sim.fetch(new Request(`https://graph.facebook.com/v17.0${path}?${new URLSearchParams(params).toString()}`));
}

async function codeFor(lab: FederationLab): Promise<string> {
  const browser = lab.newBrowser();
  const back = await submitIdpForm(browser, await browser.request(dialogUrl(lab)), facebookLogin());
  return paramsOf(locationOf(back)).get('code')!;
}

const exchange = (lab: FederationLab, code: string, extra: Record<string, string> = {}) =>
  graph(lab, '/oauth/access_token', { client_id: lab.hostedUiFacebook.appId, redirect_uri: lab.idpResponse, client_secret: lab.hostedUiFacebook.secret, code, ...extra });

describe('When an app sends a user to the Facebook Login dialog', () => {
  it('shows a labelled login form and sends the user back with a code (and Facebook\'s #_=_)', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const page = await browser.request(dialogUrl(lab));
    expect(page.status).toBe(200);
    const html = await page.clone().text();
    expect(html).toContain('<label for="email">Email address or phone number</label>');
    expect(html).toContain('<label for="pass">Password</label>');
    expect(html).toContain('value="cancel"');
    const back = await submitIdpForm(browser, page, facebookLogin());
    expect(back.status).toBe(302);
    const location = back.headers.get('location')!;
    expect(location.endsWith('#_=_')).toBe(true);
    expect(paramsOf(location).get('state')).toBe('relay-f');
    expect(paramsOf(location).get('code')).toMatch(/^AQ/);
    expect(browser.cookies('https://www.facebook.com').map((c) => c.name)).toEqual(['xs']);
  });

  it('trades the code once for an opaque token that /me and /app resolve', async () => {
    const lab = await federationLab();
    const code = await codeFor(lab);
    const response = await exchange(lab, code);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 5183944 });
    expect(body.access_token).toMatch(/^EAA[A-Za-z0-9]+$/);
    expect(body.access_token.split('.')).toHaveLength(1);
    const me = await graph(lab, '/me', { fields: 'id,name,email', access_token: body.access_token });
    expect(await me.json()).toEqual({ id: FIONA.id, name: FIONA.name, email: FIONA.email });
    const app = await graph(lab, '/app', { access_token: body.access_token });
    expect(await app.json()).toMatchObject({ id: lab.hostedUiFacebook.appId });
    const bearer = await lab.sim.fetch(new Request('https://graph.facebook.com/me', { headers: { authorization: `Bearer ${body.access_token}` } }));
    expect(await bearer.json()).toEqual({ id: FIONA.id, name: FIONA.name });

    const again = await exchange(lab, code);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: unknown }).error).toMatchObject({ message: 'This authorization code has been used.', type: 'OAuthException', code: 100, error_subcode: 36009 });
  });

  it('refuses a wrong app secret and a redirect_uri other than the dialog\'s', async () => {
    const lab = await federationLab();
    const wrongSecret = await exchange(lab, await codeFor(lab), { client_secret: '0'.repeat(32) });
    expect(((await wrongSecret.json()) as { error: unknown }).error).toMatchObject({ message: 'Error validating client secret.', code: 1 });
    const otherRedirect = await exchange(lab, await codeFor(lab), { redirect_uri: CALLBACK });
    expect(((await otherRedirect.json()) as { error: unknown }).error).toMatchObject({ code: 100, error_subcode: 36008 });
  });

  it('refuses a made-up token and an expired one with error 190', async () => {
    const lab = await federationLab();
    const madeUp = await graph(lab, '/me', { access_token: 'EAAmadeup' });
    expect(madeUp.status).toBe(400);
    expect(((await madeUp.json()) as { error: unknown }).error).toMatchObject({ message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 });
    const token = await facebookTokenForWebApp(lab);
    expect((await graph(lab, '/me', { access_token: token })).status).toBe(200);
    lab.sim.clock.advance(2 * HOUR);
    const expired = (await (await graph(lab, '/me', { access_token: token })).json()) as { error: { message: string; code: number; error_subcode: number } };
    expect(expired.error).toMatchObject({ code: 190, error_subcode: 463 });
    expect(expired.error.message).toMatch(/^Error validating access token: Session has expired on \w+day, \d{2}-\w{3}-26 \d{2}:\d{2}:\d{2} PDT\. The current time is /);
  });

  it('sends the user back with error=access_denied and error_reason=user_denied on Cancel', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const back = await submitIdpForm(browser, await browser.request(dialogUrl(lab)), { action: 'cancel' });
    expect(Object.fromEntries(paramsOf(locationOf(back)))).toEqual({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: 'relay-f' });
  });

  it('shows an error page for an unknown app or an unregistered redirect URI', async () => {
    const lab = await federationLab();
    const unknown = await lab.newBrowser().request(dialogUrl(lab, { client_id: '999' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Invalid App ID');
    const blocked = await lab.newBrowser().request(dialogUrl(lab, { redirect_uri: 'https://evil.example/' }));
    expect(blocked.headers.get('location')).toBeNull();
    expect(await blocked.text()).toContain('URL blocked');
  });
});
