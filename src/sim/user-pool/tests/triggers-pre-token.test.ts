// The pre token generation trigger (V1_0 event): added, replaced and suppressed claims in tokens that awslabs'
// aws-jwt-verify accepts, the claims no trigger may touch, group overrides, each triggerSource (sign-in, refresh, new
// password, hosted UI), and a function that throws.
import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, learnerLab } from '../../../testing/user-pool-harness';
import { Browser, codeFor, CALLBACK, hostedLab } from '../../hosted-ui/tests/hosted-ui.testkit';
import { expectCommonFields, invocationOf, triggerNotes, triggerWorld, verifiedClaims } from './triggers-harness';

const claimsWorld = (settings: Record<string, string> = {}) => triggerWorld({ preTokenGeneration: { handler: 'pre-token-claims', settings } });
const ADMIN_ROLE = 'arn:aws:iam::123456789012:role/AdminRole';

describe('When a pool has a pre token generation trigger', () => {
  it('sends TokenGeneration_Authentication with the user\'s attributes and groups, and claimsOverrideDetails null', async () => {
    const lab = await learnerLab({ world: claimsWorld() });
    await lab.signIn('alice', DEMO_PASSWORDS.alice);
    const { event } = invocationOf(lab.sim, 'TokenGeneration_Authentication');
    expectCommonFields(event, { triggerSource: 'TokenGeneration_Authentication', poolId: lab.poolId, userName: 'alice', clientId: lab.web });
    expect(event.request).toEqual({
      userAttributes: {
        sub: lab.user('alice').sub,
        email: 'alice@example.com',
        email_verified: 'true',
        name: 'Alice Liddell',
        'cognito:user_status': 'CONFIRMED',
        'cognito:email_alias': 'alice@example.com',
      },
      groupConfiguration: { groupsToOverride: ['admins'], iamRolesToOverride: [ADMIN_ROLE], preferredRole: ADMIN_ROLE },
    });
    expect(event.response).toEqual({ claimsOverrideDetails: null });
  });

  it('issues an ID token carrying the added claims and missing the suppressed one; the access token is unchanged (V1)', async () => {
    const lab = await learnerLab({ world: claimsWorld({ suppress: 'email' }) });
    const signedIn = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    expect(triggerNotes(lab.sim)[0]!.changes).toEqual(['adds tier = "gold"', 'adds department = "learning"', 'suppresses email']);
    const alice = await verifiedClaims(lab.sim, lab.poolId, lab.web, signedIn);
    expect(alice.id).toMatchObject({ tier: 'gold', department: 'learning', 'cognito:username': 'alice', email_verified: true, name: 'Alice Liddell' });
    expect(alice.id).not.toHaveProperty('email');
    expect(alice.access).not.toHaveProperty('tier');
    expect(alice.access).not.toHaveProperty('department');
    const bob = await verifiedClaims(lab.sim, lab.poolId, lab.web, await lab.signIn('bob', DEMO_PASSWORDS.bob));
    expect(bob.id).toMatchObject({ tier: 'standard', 'cognito:groups': ['readers'] });
  });

  it('ignores the claims a trigger may not change, and still issues genuine tokens', async () => {
    const lab = await learnerLab({
      world: claimsWorld({ 'claim.sub': 'someone-else', 'claim.aud': 'another-client', 'claim.cognito:username': 'mallory', 'claim.token_use': 'access', 'claim.dev:debug': 'on', 'claim.cognito:groups': 'admins', suppress: 'iss,exp,auth_time' }),
    });
    const signedIn = await lab.signIn('bob', DEMO_PASSWORDS.bob);
    expect(triggerNotes(lab.sim)[0]!.changes!.at(-1)).toBe('ignores sub, aud, cognito:username, token_use, dev:debug, cognito:groups, iss, exp, auth_time: a trigger cannot change those claims');
    const tokens = await verifiedClaims(lab.sim, lab.poolId, lab.web, signedIn);
    expect(tokens.id).toMatchObject({ sub: lab.user('bob').sub, aud: lab.web, 'cognito:username': 'bob', token_use: 'id', 'cognito:groups': ['readers'] });
    expect(tokens.id).toHaveProperty('exp');
    expect(tokens.id).toHaveProperty('auth_time');
    expect(tokens.id).not.toHaveProperty('dev:debug');
  });

  it('suppresses a claim that the same response also adds ("it will be suppressed")', async () => {
    const lab = await learnerLab({ world: claimsWorld({ 'claim.nickname': 'Al', suppress: 'nickname' }) });
    const tokens = await verifiedClaims(lab.sim, lab.poolId, lab.web, await lab.signIn('alice', DEMO_PASSWORDS.alice));
    expect(tokens.id).not.toHaveProperty('nickname');
  });

  it('replaces the groups in both tokens with groupOverrideDetails, and can suppress them', async () => {
    const lab = await learnerLab({ world: claimsWorld({ groups: 'auditors,readers' }) });
    const tokens = await verifiedClaims(lab.sim, lab.poolId, lab.web, await lab.signIn('alice', DEMO_PASSWORDS.alice));
    expect(tokens.id['cognito:groups']).toEqual(['auditors', 'readers']);
    expect(tokens.id).not.toHaveProperty('cognito:roles');
    expect(tokens.id).not.toHaveProperty('cognito:preferred_role');
    expect(tokens.access['cognito:groups']).toEqual(['auditors', 'readers']);

    const none = await learnerLab({ world: claimsWorld({ groups: '' }) });
    const stripped = await verifiedClaims(none.sim, none.poolId, none.web, await none.signIn('alice', DEMO_PASSWORDS.alice));
    expect(stripped.id).not.toHaveProperty('cognito:groups');
    expect(stripped.access).not.toHaveProperty('cognito:groups');
  });

  it('runs again on REFRESH_TOKEN_AUTH as TokenGeneration_RefreshTokens', async () => {
    const lab = await learnerLab({ world: claimsWorld() });
    const first = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    const out = await lab.cognito.send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } }));
    invocationOf(lab.sim, 'TokenGeneration_RefreshTokens');
    expect((await verifiedClaims(lab.sim, lab.poolId, lab.web, out.AuthenticationResult!)).id).toMatchObject({ tier: 'gold' });
  });

  it('runs as TokenGeneration_NewPasswordChallenge after a temporary password is replaced, with the ClientMetadata of the answer', async () => {
    const lab = await learnerLab({ world: claimsWorld() });
    await lab.cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'tess', TemporaryPassword: 'Temp#Passw0rd', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'tess@example.com' }] }));
    const challenge = await lab.cognito.send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'tess', PASSWORD: 'Temp#Passw0rd' } }));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const out = await lab.cognito.send(new RespondToAuthChallengeCommand({ ClientId: lab.web, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'tess', NEW_PASSWORD: 'Tess#Passw0rd1' }, ClientMetadata: { screen: 'welcome' } }));
    const { event } = invocationOf(lab.sim, 'TokenGeneration_NewPasswordChallenge');
    expect((event.request as { clientMetadata: unknown }).clientMetadata).toEqual({ screen: 'welcome' });
    expect((await verifiedClaims(lab.sim, lab.poolId, lab.web, out.AuthenticationResult!)).id).toMatchObject({ tier: 'standard' });
  });

  it('refuses the sign-in with UserLambdaValidationException when the function throws', async () => {
    const lab = await learnerLab({ world: triggerWorld({ preTokenGeneration: { handler: 'token-authorizer' } }) });
    expect(await awsError(lab.signIn('alice', DEMO_PASSWORDS.alice))).toEqual({ name: 'UserLambdaValidationException', message: 'PreTokenGeneration failed with error Unauthorized.' });
    const top = lab.sim.trace().filter((x) => x.parentId === undefined).at(-1)!;
    expect(top.notes.filter((n) => n.kind === 'token-issued')).toEqual([]);
  });
});

describe('When the hosted UI issues the tokens', () => {
  it('runs TokenGeneration_HostedAuth at the token endpoint, then TokenGeneration_RefreshTokens for a refresh', async () => {
    const lab = await hostedLab({ world: claimsWorld() });
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim), { scope: 'openid email' });
    const answer = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { id_token: string; access_token: string; refresh_token: string };
    const { event } = invocationOf(lab.sim, 'TokenGeneration_HostedAuth');
    // A browser and a plain fetch are no AWS SDK: Cognito reports an unknown one.
    expectCommonFields(event, { triggerSource: 'TokenGeneration_HostedAuth', poolId: lab.poolId, userName: 'alice', clientId: lab.web, sdk: /^aws-sdk-unknown-unknown$/ });
    const tokens = await verifiedClaims(lab.sim, lab.poolId, lab.web, { IdToken: body.id_token, AccessToken: body.access_token });
    expect(tokens.id).toMatchObject({ tier: 'gold', department: 'learning' });

    const refreshed = await lab.token({ grant_type: 'refresh_token', client_id: lab.web, refresh_token: body.refresh_token });
    expect(refreshed.status).toBe(200);
    invocationOf(lab.sim, 'TokenGeneration_RefreshTokens');
  });

  it('answers invalid_request at the token endpoint when the function throws', async () => {
    const lab = await hostedLab({ world: triggerWorld({ preTokenGeneration: { handler: 'token-authorizer' } }) });
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim), { scope: 'openid' });
    const answer = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: 'invalid_request' });
  });
});
