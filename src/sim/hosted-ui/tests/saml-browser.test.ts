// The whole SP-initiated SAML dance as the simulated browser does it: the app's authorize with
// identity_provider=CorpAD, the redirect with a deflated AuthnRequest, CorpAD's sign-in page, the auto-posting form,
// the user pool's ACS, the code back at the app, and the tokens, checked with aws-jwt-verify.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { decodeAndInflate } from '../../federation/saml/bindings';
import { parseAuthnRequest } from '../../federation/saml/authn-request';
import { CORP_AD_ENTITY_ID, CORP_AD_METADATA_URL, CORP_AD_SSO_URL } from '../../federation/saml/corp-ad-directory';
import { ALGORITHMS } from '../../federation/saml/xml-dsig';
import { internalsOf } from '../../index';
import { bodyOf } from './hosted-ui.testkit';
import { CALLBACK, postToAcs, samlLab, toCorpAdForm } from '../../../testing/saml-harness';

afterEach(() => vi.useRealTimers());

describe('When an employee signs in to the app through CorpAD (SAML)', () => {
  it('goes app → user pool → CorpAD → user pool → app, and the app gets tokens naming the SAML identity', async () => {
    const s = await samlLab();
    const { lab } = s;
    const form = await toCorpAdForm(s);

    // The hops so far: authorize (302 to CorpAD with SAMLRequest and RelayState), CorpAD's page, the password post.
    const history = s.browser.history();
    expect(history.map((h) => `${h.method} ${new URL(h.url).host}${new URL(h.url).pathname} ${h.status}`)).toEqual([
      `GET ${new URL(lab.domain).host}/oauth2/authorize 302`,
      'GET adfs.corp.example/adfs/ls/ 200',
      'POST adfs.corp.example/adfs/ls/ 200',
    ]);
    const toCorpAd = new URL(history[0]!.location!);
    expect(`${toCorpAd.origin}${toCorpAd.pathname}`).toBe(CORP_AD_SSO_URL);
    expect(toCorpAd.searchParams.get('RelayState')).toBe(form.relayState);
    const request = parseAuthnRequest((await decodeAndInflate(toCorpAd.searchParams.get('SAMLRequest')!))!);
    if (!request.ok) throw new Error(request.reason);
    expect(request.request).toMatchObject({ id: form.requestId, issuer: s.audience, assertionConsumerServiceUrl: s.acs, destination: CORP_AD_SSO_URL });

    // The user pool read CorpAD's metadata once, nested under the authorize exchange.
    const trace = lab.sim.trace();
    const authorize = trace.find((x) => x.operation === 'GET /oauth2/authorize')!;
    const metadata = trace.filter((x) => x.request.url === CORP_AD_METADATA_URL);
    expect(metadata).toHaveLength(1);
    expect(metadata[0]).toMatchObject({ parentId: authorize.id, from: 'hosted-ui', to: 'saml-idp' });
    expect(authorize.notes).toContainEqual(expect.objectContaining({ kind: 'federation', step: 'redirect', outcome: 'ok', provider: 'CorpAD', providerType: 'SAML' }));

    // The browser posts CorpAD's form to the ACS; the user pool sends it back to the app with a code.
    expect(form.action).toBe(s.acs);
    const back = await postToAcs(s, { SAMLResponse: form.samlResponse, RelayState: form.relayState });
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe('st-123');
    const code = location.searchParams.get('code')!;
    expect(code).toBeTruthy();
    const acs = lab.sim.trace().at(-1)!;
    expect(acs.operation).toBe('POST /saml2/idpresponse');
    expect(acs.notes.find((n) => n.kind === 'saml')).toMatchObject({
      kind: 'saml',
      outcome: 'ok',
      issuer: CORP_AD_ENTITY_ID,
      signature: 'valid',
      nameId: 'carol.corp',
      signatureMethod: ALGORITHMS.rsaSha256,
      digestMethod: ALGORITHMS.sha256,
      audience: s.audience,
      notOnOrAfter: lab.sim.clock.now() + 300_000,
      attributes: expect.objectContaining({ 'http://schemas.xmlsoap.org/claims/Group': '[engineering,all-staff]' }),
    });

    const tokens = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: form.verifier }))) as { id_token: string; access_token: string };
    const jwks = (await bodyOf(await lab.sim.fetch(new Request(`${lab.issuer}/.well-known/jwks.json`)))) as Jwks;
    const verifier = CognitoJwtVerifier.create({ userPoolId: lab.poolId, tokenUse: 'id', clientId: lab.web });
    verifier.cacheJwks(jwks);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(lab.sim.clock.now());
    const id = await verifier.verify(tokens.id_token);
    expect(id).toMatchObject({
      'cognito:username': 'CorpAD_carol.corp',
      email: 'carol@corp.example',
      name: 'Carol Corp',
      'custom:department': 'Engineering',
      'custom:groups': '[engineering,all-staff]',
    });
    expect(id.identities).toEqual([expect.objectContaining({ userId: 'carol.corp', providerName: 'CorpAD', providerType: 'SAML', issuer: CORP_AD_ENTITY_ID })]);
  });

  it('creates a new EXTERNAL_PROVIDER user for an employee the pool has not seen, named CorpAD_<NameID>', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s, 'frank.finance');
    const back = await postToAcs(s, { SAMLResponse: form.samlResponse, RelayState: form.relayState });
    expect(new URL(back.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const user = internalsOf(s.lab.sim).env.pools.get(s.lab.poolId)!.users.get('corpad_frank.finance')!;
    expect(user.status).toBe('EXTERNAL_PROVIDER');
    expect(Object.fromEntries(user.attributes)).toMatchObject({ email: 'frank@corp.example', name: 'Frank Finance', 'custom:department': 'Finance', 'custom:groups': '[finance,approvers,all-staff]' });
    expect(JSON.parse(user.attributes.get('identities')!)).toEqual([expect.objectContaining({ userId: 'frank.finance', providerType: 'SAML', issuer: CORP_AD_ENTITY_ID })]);
  });

  it('signs the employee in again without a password while the CorpAD session lasts (single sign-on at the IdP)', async () => {
    const s = await samlLab();
    const first = await toCorpAdForm(s);
    await postToAcs(s, { SAMLResponse: first.samlResponse, RelayState: first.relayState });
    const again = await s.browser.get(s.lab.authorizeUrl({ identity_provider: 'CorpAD' }));
    const page = await again.text();
    expect(page).toContain('name="SAMLResponse"');
    expect(page).not.toContain('name="Password"');
    const idp = s.lab.sim.trace().at(-1)!;
    expect(idp.notes).toContainEqual(expect.objectContaining({ kind: 'federation', step: 'assertion', outcome: 'ok', subject: 'carol.corp' }));
  });
});
