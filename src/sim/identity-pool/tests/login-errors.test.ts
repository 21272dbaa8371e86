import { describe, expect, it } from 'vitest';
import { awsError, claimsOf, HOUR, identityLab, worldWith } from '../../../testing/identity-pool-harness';

const notAuthorized = (message: string) => ({ name: 'NotAuthorizedException', message, status: 400 });

describe('When a login cannot be accepted (aws-behaviour.md §5.5)', () => {
  it('refuses an ID token that expired on the virtual clock, naming now and exp in epoch seconds', async () => {
    const lab = await identityLab();
    const idToken = (await lab.signIn('alice')).IdToken!;
    const identityId = await lab.getId(lab.logins(idToken));
    lab.sim.clock.advance(HOUR + 1000);
    const now = Math.floor(lab.sim.clock.now() / 1000);
    const exp = claimsOf(idToken).exp as number;
    expect(now).toBeGreaterThanOrEqual(exp);
    expect(await awsError(lab.credentialsFor(identityId, lab.logins(idToken)))).toEqual(notAuthorized(`Invalid login token. Token expired: ${now} >= ${exp}`));
    expect(lab.lastExchange('GetCredentialsForIdentity').notes.find((n) => n.kind === 'token-checked')).toMatchObject({ outcome: 'expired' });
  });

  it('refuses a token whose claims were altered, because the signature no longer verifies', async () => {
    const lab = await identityLab();
    const [header, payload, signature] = (await lab.signIn('bob')).IdToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:preferred_role': lab.roleArn('AdminRole') })).toString('base64url');
    expect(await awsError(lab.getId(lab.logins(`${header}.${forged}.${signature}`)))).toEqual(notAuthorized("Invalid login token. Couldn't verify signed token."));
  });

  it('refuses a Logins key that does not name the token\'s issuer', async () => {
    const lab = await identityLab();
    const idToken = (await lab.signIn('bob')).IdToken!;
    const wrongKey = { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Wrong1234': idToken };
    expect(await awsError(lab.getId(wrongKey))).toEqual(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
  });

  it('refuses an access token in place of the ID token', async () => {
    const lab = await identityLab();
    const accessToken = (await lab.signIn('bob')).AccessToken!;
    expect(await awsError(lab.getId(lab.logins(accessToken)))).toEqual(notAuthorized('Invalid login token. Missing a required claim: aud'));
  });

  it('refuses something that is not a JWT under a user pool key', async () => {
    const lab = await identityLab();
    expect(await awsError(lab.getId(lab.logins('not-a-token')))).toEqual(notAuthorized('Invalid login token. Not a Cognito token.'));
  });

  it('refuses a token from an app client the identity pool does not list', async () => {
    const world = worldWith((pool, w) => {
      w.userPools[0]!.clients.push({ name: 'mobile', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
      pool.userPoolClients = ['LearnerPool/mobile'];
    });
    const lab = await identityLab({ world });
    expect(await awsError(lab.getId(lab.logins((await lab.signIn('bob')).IdToken!)))).toEqual(notAuthorized('Token is not from a supported provider of this identity pool.'));
  });

  it('refuses a provider the pool does not list, and answers a listed IdP it cannot verify yet as AWS answers a bad token', async () => {
    const lab = await identityLab();
    expect(await awsError(lab.getId({ 'login.example.com': 'a.b.c' }))).toEqual(notAuthorized('Token is not from a supported provider of this identity pool.'));
    expect(await awsError(lab.getId({ 'accounts.google.com': 'a.b.c' }))).toEqual(notAuthorized("Invalid login token. Couldn't verify signed token."));
  });

  it('asks for a login when an authenticated identity is used without one', async () => {
    const lab = await identityLab();
    const { identityId } = await lab.enhancedFlow('alice');
    expect(await awsError(lab.credentialsFor(identityId))).toEqual(notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool."));
    expect(await awsError(lab.openIdToken(identityId))).toEqual(notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool."));
  });

  it('forbids one user\'s identity to another user\'s login', async () => {
    const lab = await identityLab();
    const alice = await lab.enhancedFlow('alice');
    const bob = await lab.enhancedFlow('bob');
    expect(await awsError(lab.credentialsFor(alice.identityId, bob.logins))).toEqual(notAuthorized(`Access to Identity '${alice.identityId}' is forbidden.`));
  });

  it('forbids an identity id of another region', async () => {
    const lab = await identityLab();
    const foreign = 'eu-west-1:0b8f2e6c-1f2a-4c3d-8e9f-0a1b2c3d4e5f';
    expect(await awsError(lab.credentialsFor(foreign))).toEqual(notAuthorized(`Access to Identity '${foreign}' is forbidden.`));
  });

  it('does not find an unknown identity pool or identity', async () => {
    const lab = await identityLab();
    const pool = 'us-east-1:00000000-0000-4000-8000-000000000000';
    expect(await awsError(lab.getId(undefined, pool))).toEqual({ name: 'ResourceNotFoundException', message: `IdentityPool '${pool}' not found.`, status: 400 });
    expect(await awsError(lab.credentialsFor(pool))).toEqual({ name: 'ResourceNotFoundException', message: `Identity '${pool}' not found.`, status: 400 });
  });

  it('validates the identity pool id against the model', async () => {
    const lab = await identityLab();
    expect(await awsError(lab.getId(undefined, 'not-a-pool'))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value 'not-a-pool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
      status: 400,
    });
  });

  it('answers on the wire as the JSON 1.1 protocol does: bare __type, message, and the x-amzn-ErrorType header', async () => {
    const lab = await identityLab();
    const response = await lab.sim.fetch(
      new Request('https://cognito-identity.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
        body: JSON.stringify({ IdentityPoolId: lab.identityPoolId, Logins: lab.logins('nope') }),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
    expect(await response.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid login token. Not a Cognito token.' });
  });
});
