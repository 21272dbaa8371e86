import { describe, expect, it } from 'vitest';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { awsError, claimsOf, HOUR, identityLab, MINUTE, START, worldWith, type IdentityLab } from '../../../testing/identity-pool-harness';

const assume = (lab: IdentityLab, token: string, role: string, extra: { DurationSeconds?: number; Policy?: string } = {}) =>
  lab.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: lab.roleArn(role), RoleSessionName: 'web-app', WebIdentityToken: token, ...extra }));

async function aliceToken(lab: IdentityLab) {
  const logins = lab.logins((await lab.signIn('alice')).IdToken!);
  const identityId = await lab.getId(logins);
  const { Token } = await lab.openIdToken(identityId, logins);
  return { identityId, token: Token! };
}

describe('When an app uses the basic (classic) flow', () => {
  it('gets an RS512 OpenID token for the identity that verifies with the published JWKS', async () => {
    const lab = await identityLab();
    const { identityId, token } = await aliceToken(lab);
    expect(decodeProtectedHeader(token)).toEqual({ kid: 'us-east-1-1', typ: 'JWS', alg: 'RS512' });
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ iss: 'https://cognito-identity.amazonaws.com', aud: lab.identityPoolId, sub: identityId, iat: START / 1000, exp: START / 1000 + 600 });
    expect((claims.amr as string[]).slice(0, 2)).toEqual(['authenticated', lab.providerKey]);
    expect((claims.amr as string[])[2]).toMatch(new RegExp(`^${lab.providerKey}:CognitoSignIn:[0-9a-f-]{36}$`));
    const jwks = (await (await lab.sim.fetch(new Request('https://cognito-identity.amazonaws.com/.well-known/jwks_uri'))).json()) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kid: 'us-east-1-1', alg: 'RS512', kty: 'RSA', use: 'sig' });
    await expect(compactVerify(token, await importJWK(jwks.keys[0]!, 'RS512'))).resolves.toBeDefined();
  });

  it('exchanges the token with STS for the authenticated role\'s credentials', async () => {
    const lab = await identityLab();
    const { identityId, token } = await aliceToken(lab);
    const out = await assume(lab, token, 'Cognito_LearnerAuth_Role');
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials!.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials!.Expiration!.getTime()).toBe(START + HOUR);
    expect(out.AssumedRoleUser!.Arn).toBe('arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/web-app');
    expect(out.AssumedRoleUser!.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:web-app$/);
    expect(out).toMatchObject({ SubjectFromWebIdentityToken: identityId, Audience: lab.identityPoolId, Provider: 'cognito-identity.amazonaws.com' });
    const record = lab.credentialRecord(out.Credentials!.AccessKeyId!)!;
    expect(record.session).toMatchObject({ roleName: 'Cognito_LearnerAuth_Role', sessionName: 'web-app', sessionPolicies: [] });
    expect(record.session!.context['cognito-identity.amazonaws.com:sub']).toBe(identityId);
    expect(record.expiresAt).toBe(START + HOUR);
  });

  it('fetches the identity pools\' JWKS in a call nested under AssumeRoleWithWebIdentity', async () => {
    const lab = await identityLab();
    await assume(lab, (await aliceToken(lab)).token, 'Cognito_LearnerAuth_Role');
    const exchange = lab.lastExchange('AssumeRoleWithWebIdentity');
    expect(exchange).toMatchObject({ from: 'app', to: 'sts' });
    expect(lab.childrenOf(exchange)).toMatchObject([{ from: 'sts', to: 'cognito-identity', operation: 'GET jwks_uri', response: { status: 200 } }]);
    expect(exchange.notes.map((n) => n.kind)).toEqual(['token-checked', 'policy', 'credentials-issued']);
  });

  it('gives a guest the unauthenticated role without the enhanced flow\'s scope-down', async () => {
    const lab = await identityLab();
    const guest = await lab.getId();
    const token = (await lab.openIdToken(guest)).Token!;
    expect(claimsOf(token).amr).toEqual(['unauthenticated']);
    const out = await assume(lab, token, 'Cognito_LearnerUnauth_Role');
    expect(lab.credentialRecord(out.Credentials!.AccessKeyId!)!.session!.sessionPolicies).toEqual([]);
  });

  it('honours DurationSeconds and keeps a session Policy with the session', async () => {
    const lab = await identityLab();
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] };
    const out = await assume(lab, (await aliceToken(lab)).token, 'Cognito_LearnerAuth_Role', { DurationSeconds: 900, Policy: JSON.stringify(policy) });
    expect(out.Credentials!.Expiration!.getTime()).toBe(START + 15 * MINUTE);
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(lab.credentialRecord(out.Credentials!.AccessKeyId!)!.session!.sessionPolicies).toEqual([policy]);
  });
});

describe('When STS refuses a web identity', () => {
  it('refuses a token that expired (10 minutes) with the time in epoch seconds', async () => {
    const lab = await identityLab();
    const { token } = await aliceToken(lab);
    lab.sim.clock.advance(10 * MINUTE + 1000);
    const now = Math.floor(lab.sim.clock.now() / 1000);
    expect(await awsError(assume(lab, token, 'Cognito_LearnerAuth_Role'))).toEqual({
      name: 'ExpiredTokenException',
      message: `Token expired: current date/time ${now} must be before the expiration date/time ${claimsOf(token).exp as number}`,
      status: 400,
    });
  });

  it('denies a role whose trust policy does not accept the token (a guest token for the authenticated role)', async () => {
    const lab = await identityLab();
    const token = (await lab.openIdToken(await lab.getId())).Token!;
    expect(await awsError(assume(lab, token, 'Cognito_LearnerAuth_Role'))).toEqual({ name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', status: 403 });
    expect(lab.lastExchange('AssumeRoleWithWebIdentity').notes.find((n) => n.kind === 'policy')).toMatchObject({ evaluation: { decision: 'ImplicitDeny' } });
  });

  it('denies a role that trusts another identity pool, and one that does not exist, with the same words', async () => {
    const world = worldWith((_pool, w) => {
      const statement = [w.roles.find((r) => r.name === 'AdminRole')!.trustPolicy.Statement].flat()[0]!;
      statement.Condition!.StringEquals!['cognito-identity.amazonaws.com:aud'] = 'us-east-1:11111111-2222-4333-8444-555555555555';
    });
    const lab = await identityLab({ world });
    const { token } = await aliceToken(lab);
    const denied = { name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', status: 403 };
    expect(await awsError(assume(lab, token, 'AdminRole'))).toEqual(denied);
    expect(await awsError(assume(lab, token, 'NoSuchRole'))).toEqual(denied);
  });

  it('refuses GetOpenIdToken when the pool has the classic flow turned off', async () => {
    const lab = await identityLab({ world: worldWith((pool) => (pool.allowClassicFlow = false)) });
    expect(await awsError(lab.openIdToken(await lab.getId()))).toEqual({ name: 'InvalidParameterException', message: 'Basic (classic) flow is not enabled, please use enhanced flow.', status: 400 });
  });

  it('refuses an altered token, and a user pool token whose issuer STS has no provider for', async () => {
    const lab = await identityLab();
    const [h, p, s] = (await aliceToken(lab)).token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(`${h}.${p}.${s}`), amr: ['authenticated', 'graph.facebook.com'] })).toString('base64url');
    expect(await awsError(assume(lab, `${h}.${forged}.${s}`, 'Cognito_LearnerAuth_Role'))).toEqual({
      name: 'InvalidIdentityTokenException',
      message: 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
      status: 400,
    });
    const idToken = (await lab.signIn('bob')).IdToken!;
    expect(await awsError(assume(lab, idToken, 'Cognito_LearnerAuth_Role'))).toEqual({
      name: 'InvalidIdentityTokenException',
      message: `No OpenIDConnect provider found in your account for https://cognito-idp.us-east-1.amazonaws.com/${lab.userPoolId}`,
      status: 400,
    });
  });

  it('refuses DurationSeconds above the role\'s maximum and below 900', async () => {
    const lab = await identityLab();
    const { token } = await aliceToken(lab);
    expect(await awsError(assume(lab, token, 'Cognito_LearnerAuth_Role', { DurationSeconds: 7200 }))).toEqual({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      status: 400,
    });
    expect(await awsError(assume(lab, token, 'Cognito_LearnerAuth_Role', { DurationSeconds: 60 }))).toEqual({
      name: 'ValidationError',
      message: "1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      status: 400,
    });
  });

  it('refuses a session policy that is not JSON', async () => {
    const lab = await identityLab();
    expect(await awsError(assume(lab, (await aliceToken(lab)).token, 'Cognito_LearnerAuth_Role', { Policy: '{not json' }))).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
  });
});
