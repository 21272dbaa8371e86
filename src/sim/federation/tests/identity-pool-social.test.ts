// Google's ID token and Facebook's access token straight to the identity pool, with the real AWS SDK: GetId and
// GetCredentialsForIdentity verify them for real (Google's signature against its JWKS, Facebook's token with the Graph
// API, both nested calls), give one identity per Google or Facebook user, and credentials for the authenticated role.
// Bad tokens get AWS's errors (aws-behaviour.md §5.5).
import { describe, expect, it } from 'vitest';
import { DescribeIdentityPoolCommand, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient, cognitoIdentityClient } from '../../../testing/sdk-handler';
import { internalsOf, DEMO_PASSWORDS } from '../../index';
import { facebookLogin, facebookTokenForWebApp, federationLab, GINA, GLEN, googleIdTokenForHostedUi, googleIdTokenForWebApp, HOUR, locationOf, paramsOf, submitIdpForm, type FederationLab } from '../../../testing/federation-harness';

async function awsError(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string };
    return { name: e.name, message: e.message };
  }
  throw new Error('expected an AWS error');
}

const notAuthorized = (message: string) => ({ name: 'NotAuthorizedException', message });

function client(lab: FederationLab) {
  const identity = cognitoIdentityClient(lab.sim);
  return {
    getId: (logins: Record<string, string>) => identity.send(new GetIdCommand({ IdentityPoolId: lab.identityPoolId, Logins: logins })),
    credentials: (identityId: string, logins: Record<string, string>) => identity.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins })),
    describe: () => identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: lab.identityPoolId })),
  };
}

/** Alters one claim of a JWT's payload, leaving Google's signature as it was. */
function tamper(token: string, claims: Record<string, unknown>): string {
  const [h, p, s] = token.split('.');
  const payload = { ...JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')), ...claims };
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

describe('When a web app passes Google\'s ID token to the identity pool', () => {
  it('lists the web app\'s Google client id and Facebook app id as the pool\'s login providers', async () => {
    const lab = await federationLab();
    const pool = await client(lab).describe();
    expect(pool.SupportedLoginProviders).toEqual({ 'accounts.google.com': lab.webGoogleClientId, 'graph.facebook.com': lab.webFacebookAppId });
    expect(lab.webGoogleClientId).toMatch(/^\d{12}-[a-z0-9]{32}\.apps\.googleusercontent\.com$/);
    expect(lab.webFacebookAppId).toMatch(/^\d{15}$/);
  });

  it('verifies it against Google\'s JWKS and gives one identity per Google user, and credentials for the authenticated role', async () => {
    const lab = await federationLab();
    const idp = client(lab);
    const token = await googleIdTokenForWebApp(lab, GINA);
    const logins = { 'accounts.google.com': token };
    const { IdentityId } = await idp.getId(logins);
    expect(IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const getId = lab.sim.trace().filter((e) => e.operation === 'GetId').at(-1)!;
    const nested = lab.sim.trace().filter((e) => e.parentId === getId.id);
    expect(nested.map((e) => `${e.to} ${e.operation}`)).toEqual(['google GET /oauth2/v3/certs']);
    expect(getId.notes.find((n) => n.kind === 'token-checked')).toMatchObject({ outcome: 'valid' });

    const { Credentials } = await idp.credentials(IdentityId!, logins);
    expect(Credentials!.AccessKeyId).toMatch(/^ASIA/);
    expect(internalsOf(lab.sim).credentials.get(Credentials!.AccessKeyId!)!.principalArn).toBe('arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/CognitoIdentityCredentials');

    // The same Google user (a fresh token) is the same identity; another Google user is another one.
    expect((await idp.getId({ 'accounts.google.com': await googleIdTokenForWebApp(lab, GINA, 'n2') })).IdentityId).toBe(IdentityId);
    expect((await idp.getId({ 'accounts.google.com': await googleIdTokenForWebApp(lab, GLEN) })).IdentityId).not.toBe(IdentityId);
  });

  it('refuses a token whose payload was altered: the signature no longer verifies', async () => {
    const lab = await federationLab();
    const token = await googleIdTokenForWebApp(lab, GINA);
    expect(await awsError(client(lab).getId({ 'accounts.google.com': tamper(token, { sub: GLEN.sub }) }))).toEqual(notAuthorized("Invalid login token. Couldn't verify signed token."));
  });

  it('refuses an expired token with the times in the message', async () => {
    const lab = await federationLab();
    const token = await googleIdTokenForWebApp(lab, GINA);
    const exp = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).exp as number;
    lab.sim.clock.advance(HOUR + 5_000);
    const now = Math.floor(lab.sim.clock.now() / 1000);
    expect(await awsError(client(lab).getId({ 'accounts.google.com': token }))).toEqual(notAuthorized(`Invalid login token. Token expired: ${now} >= ${exp}`));
  });

  it('refuses a genuine Google token issued to another client (wrong audience)', async () => {
    const lab = await federationLab();
    const token = await googleIdTokenForHostedUi(lab, GINA);
    expect(await awsError(client(lab).getId({ 'accounts.google.com': token }))).toEqual(notAuthorized('Token is not from a supported provider of this identity pool.'));
  });

  it('refuses Google\'s access token, and a user pool token under Google\'s key', async () => {
    const lab = await federationLab();
    expect(await awsError(client(lab).getId({ 'accounts.google.com': 'ya29.a0AfH6SMBx-not-a-jwt' }))).toEqual(notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.'));
    const cognito = cognitoClient(lab.sim);
    const signIn = await cognito.send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice } }));
    expect(await awsError(client(lab).getId({ 'accounts.google.com': signIn.AuthenticationResult!.IdToken! }))).toEqual(notAuthorized("Invalid login token. Issuer doesn't match providerName"));
  });
});

describe('When a web app passes Facebook\'s access token to the identity pool', () => {
  it('asks the Graph API whose token it is and gives credentials for the authenticated role', async () => {
    const lab = await federationLab();
    const idp = client(lab);
    const logins = { 'graph.facebook.com': await facebookTokenForWebApp(lab) };
    const { IdentityId } = await idp.getId(logins);
    const getId = lab.sim.trace().filter((e) => e.operation === 'GetId').at(-1)!;
    expect(lab.sim.trace().filter((e) => e.parentId === getId.id).map((e) => `${e.from} → ${e.to} ${e.operation}`)).toEqual(['cognito-identity → facebook GET /v17.0/app', 'cognito-identity → facebook GET /v17.0/me']);
    const { Credentials } = await idp.credentials(IdentityId!, logins);
    expect(Credentials!.AccessKeyId).toMatch(/^ASIA/);
    expect((await idp.getId({ 'graph.facebook.com': await facebookTokenForWebApp(lab) })).IdentityId).toBe(IdentityId);
  });

  it('refuses a token of another Facebook app, a made-up token and an expired one', async () => {
    const lab = await federationLab();
    // A token of the user pool's own Facebook app (as the hosted UI would get one).
    const browser = lab.newBrowser();
    const dialog = `https://www.facebook.com/v17.0/dialog/oauth?${new URLSearchParams({ client_id: lab.hostedUiFacebook.appId, redirect_uri: lab.idpResponse, response_type: 'token', state: 's' }).toString()}`;
    const back = await submitIdpForm(browser, await browser.request(dialog), facebookLogin());
    const otherApp = paramsOf(locationOf(back), 'fragment').get('access_token')!;
    expect(await awsError(client(lab).getId({ 'graph.facebook.com': otherApp }))).toEqual(notAuthorized('Token is not from a supported provider of this identity pool.'));
    expect(await awsError(client(lab).getId({ 'graph.facebook.com': 'EAAmadeup' }))).toEqual(notAuthorized('Invalid login token. Invalid OAuth access token - Cannot parse access token'));
    const token = await facebookTokenForWebApp(lab);
    lab.sim.clock.advance(3 * HOUR);
    const expired = await awsError(client(lab).getId({ 'graph.facebook.com': token }));
    expect(expired.name).toBe('NotAuthorizedException');
    expect(expired.message).toMatch(/^Invalid login token\. Error validating access token: Session has expired on /);
  });
});
