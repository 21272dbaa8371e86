import { describe, expect, it } from 'vitest';
import { GUEST_SCOPE_DOWN_POLICY } from '../guest-scope-down';
import { awsError, HOUR, identityLab, START, worldWith } from '../../../testing/identity-pool-harness';

describe('When a signed-in user gets credentials through the enhanced flow', () => {
  it('gives alice, a member of admins, ASIA credentials for AdminRole, her group\'s preferred role', async () => {
    const lab = await identityLab();
    const { identityId, result } = await lab.enhancedFlow('alice');
    expect(identityId).toMatch(/^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.IdentityId).toBe(identityId);
    const credentials = result.Credentials!;
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.SecretKey).toHaveLength(40);
    expect(credentials.SessionToken!.length).toBeGreaterThan(100);
    expect(credentials.Expiration!.getTime()).toBe(START + HOUR);
    const record = lab.credentialRecord(credentials.AccessKeyId!)!;
    expect(record.principalArn).toBe('arn:aws:sts::123456789012:assumed-role/AdminRole/CognitoIdentityCredentials');
    expect(record.session).toMatchObject({ roleName: 'AdminRole', roleArn: lab.roleArn('AdminRole'), sessionName: 'CognitoIdentityCredentials', sessionPolicies: [] });
    expect(record.session!.context).toMatchObject({ 'cognito-identity.amazonaws.com:aud': lab.identityPoolId, 'cognito-identity.amazonaws.com:sub': identityId });
    const notes = lab.lastExchange('GetCredentialsForIdentity').notes;
    expect(notes.find((n) => n.kind === 'role-chosen')).toMatchObject({ roleArn: lab.roleArn('AdminRole'), how: 'token-preferred-role' });
    expect(notes.find((n) => n.kind === 'credentials-issued')).toMatchObject({ accessKeyId: credentials.AccessKeyId, roleArn: lab.roleArn('AdminRole'), identityId, expiresAt: START + HOUR });
  });

  it('gives bob, whose group has no role, the pool\'s authenticated role', async () => {
    const lab = await identityLab();
    const { result } = await lab.enhancedFlow('bob');
    expect(lab.credentialRecord(result.Credentials!.AccessKeyId!)!.principalArn).toBe('arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/CognitoIdentityCredentials');
    expect(lab.lastExchange('GetCredentialsForIdentity').notes.find((n) => n.kind === 'role-chosen')).toMatchObject({ how: 'authenticated-role', roleArn: lab.roleArn('Cognito_LearnerAuth_Role') });
  });

  it('puts the amr with the user pool\'s sub in the session, for policy variables', async () => {
    const lab = await identityLab();
    const { tokens, result } = await lab.enhancedFlow('bob');
    const sub = JSON.parse(Buffer.from(tokens.IdToken!.split('.')[1]!, 'base64url').toString()).sub as string;
    expect(lab.credentialRecord(result.Credentials!.AccessKeyId!)!.session!.context['cognito-identity.amazonaws.com:amr']).toEqual([
      'authenticated',
      lab.providerKey,
      `${lab.providerKey}:CognitoSignIn:${sub}`,
    ]);
  });

  it('keeps the same identity id for the same user across sign-ins, and gives another user another', async () => {
    const lab = await identityLab();
    const first = await lab.getId(lab.logins((await lab.signIn('alice')).IdToken!));
    const again = await lab.getId(lab.logins((await lab.signIn('alice')).IdToken!));
    const bob = await lab.getId(lab.logins((await lab.signIn('bob')).IdToken!));
    expect(again).toBe(first);
    expect(bob).not.toBe(first);
    expect(lab.lastExchange('GetId').notes.find((n) => n.kind === 'identity')).toMatchObject({ identityId: bob, created: true, logins: [lab.providerKey] });
  });

  it('replays the same identity ids from the same seed', async () => {
    const one = await identityLab({ seed: 99 });
    const two = await identityLab({ seed: 99 });
    const a = await one.getId(one.logins((await one.signIn('alice')).IdToken!));
    const b = await two.getId(two.logins((await two.signIn('alice')).IdToken!));
    expect(a).toBe(b);
  });

  it('verifies the ID token against the user pool\'s JWKS in a call nested under GetId and GetCredentialsForIdentity', async () => {
    const lab = await identityLab();
    await lab.enhancedFlow('alice');
    for (const operation of ['GetId', 'GetCredentialsForIdentity']) {
      const parent = lab.lastExchange(operation);
      const [fetch] = lab.childrenOf(parent);
      expect(fetch).toMatchObject({ from: 'cognito-identity', to: 'cognito-idp', operation: 'GET jwks.json', request: { method: 'GET', url: `https://${lab.providerKey}/.well-known/jwks.json` }, response: { status: 200 } });
      expect(parent.notes.find((n) => n.kind === 'token-checked')).toMatchObject({ tokenUse: 'id', outcome: 'valid' });
    }
  });
});

describe('When a guest asks for credentials', () => {
  it('gives a new guest identity each time, with unauthenticated-role credentials narrowed by the scope-down policy', async () => {
    const lab = await identityLab();
    const guest = await lab.getId();
    expect(await lab.getId()).not.toBe(guest);
    const result = await lab.credentialsFor(guest);
    const record = lab.credentialRecord(result.Credentials!.AccessKeyId!)!;
    expect(record.principalArn).toBe('arn:aws:sts::123456789012:assumed-role/Cognito_LearnerUnauth_Role/CognitoIdentityCredentials');
    expect(record.session!.sessionPolicies).toEqual([GUEST_SCOPE_DOWN_POLICY]);
    expect(record.session!.context['cognito-identity.amazonaws.com:amr']).toEqual(['unauthenticated']);
    expect(lab.lastExchange('GetCredentialsForIdentity').notes.find((n) => n.kind === 'role-chosen')).toMatchObject({ how: 'unauthenticated-role' });
  });

  it('refuses guests when the pool does not allow unauthenticated identities', async () => {
    const lab = await identityLab({ world: worldWith((pool) => (pool.allowUnauthenticatedIdentities = false)) });
    expect(await awsError(lab.getId())).toEqual({ name: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.', status: 400 });
  });

  it('signs a guest in with the same identity id when the user had none yet', async () => {
    const lab = await identityLab();
    const guest = await lab.getId();
    const logins = lab.logins((await lab.signIn('bob')).IdToken!);
    const result = await lab.credentialsFor(guest, logins);
    expect(result.IdentityId).toBe(guest);
    expect(lab.credentialRecord(result.Credentials!.AccessKeyId!)!.session!.roleName).toBe('Cognito_LearnerAuth_Role');
    expect(await lab.getId(logins)).toBe(guest);
    expect(await awsError(lab.credentialsFor(guest))).toMatchObject({ name: 'NotAuthorizedException', message: "Logins don't match. Please include at least one valid login for this identity or identity pool." });
  });

  it('merges a guest into the identity the user already has, and answers with that identity', async () => {
    const lab = await identityLab();
    const logins = lab.logins((await lab.signIn('bob')).IdToken!);
    const bob = await lab.getId(logins);
    const guest = await lab.getId();
    const result = await lab.credentialsFor(guest, logins);
    expect(result.IdentityId).toBe(bob);
    expect(await awsError(lab.credentialsFor(guest))).toEqual({ name: 'ResourceNotFoundException', message: `Identity '${guest}' not found.`, status: 400 });
  });
});
