// The world's registrations at Google and Facebook: ids and secrets from the seed (the same seed, the same ids), the
// hosted UI's own apps in the pool's ProviderDetails with the pool's idpresponse as their only redirect URI, and the
// demo accounts the scenarios and the UI name.
import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../index';
import { GOOGLE_DEMO } from '../../../content/scenarios/google-to-identity-pool';
import { GOOGLE_ACCOUNTS } from '../accounts';
import { federationLab } from '../../../testing/federation-harness';

describe('The apps registered at Google and Facebook', () => {
  it('are derived from the seed: the same seed gives the same ids, another seed others', async () => {
    const ids = async (seed: number) => {
      const lab = await federationLab({ seed });
      return [lab.hostedUiGoogle.clientId, lab.hostedUiGoogle.secret, lab.hostedUiFacebook.appId, lab.webGoogleClientId, lab.webFacebookAppId];
    };
    expect(await ids(5)).toEqual(await ids(5));
    expect((await ids(5))[0]).not.toBe((await ids(6))[0]);
  });

  it('give the user pool\'s Google and Facebook providers their ProviderDetails', async () => {
    const lab = await federationLab();
    const providers = lab.pool().identityProviders;
    expect(providers.find((p) => p.name === 'Google')!.providerDetails).toEqual({
      client_id: expect.stringMatching(/^\d{12}-[a-z0-9]{32}\.apps\.googleusercontent\.com$/),
      client_secret: expect.stringMatching(/^GOCSPX-[A-Za-z0-9_-]{28}$/),
      authorize_scopes: 'profile email openid',
    });
    expect(providers.find((p) => p.name === 'Facebook')!.providerDetails).toEqual({
      client_id: expect.stringMatching(/^\d{15}$/),
      client_secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      authorize_scopes: 'public_profile,email',
      api_version: 'v17.0',
    });
    expect(lab.hostedUiGoogle.clientId).not.toBe(lab.webGoogleClientId);
  });

  it('keep the attribute mappings the world gives each provider', async () => {
    const lab = await federationLab();
    const mapping = (name: string) => lab.pool().identityProviders.find((p) => p.name === name)!.attributeMapping;
    expect(mapping('Google')).toEqual({ email: 'email', email_verified: 'email_verified', name: 'name', picture: 'picture' });
    expect(mapping('Facebook')).toEqual({ email: 'email', name: 'name' });
    expect(mapping('CorpAD')!.email).toBe('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');
  });
});

describe('The demo accounts', () => {
  it('match what the scenario uses, and Gina\'s Google id is the default world\'s Google user', () => {
    expect(GOOGLE_DEMO).toEqual({ email: GOOGLE_ACCOUNTS[0]!.email, password: GOOGLE_ACCOUNTS[0]!.password });
    const gina = defaultWorld.userPools[0]!.users!.find((u) => u.username.startsWith('Google_'))!;
    expect(gina.username).toBe(`Google_${GOOGLE_ACCOUNTS[0]!.sub}`);
    expect(gina.attributes).toMatchObject({ email: GOOGLE_ACCOUNTS[0]!.email, name: GOOGLE_ACCOUNTS[0]!.name });
  });
});
