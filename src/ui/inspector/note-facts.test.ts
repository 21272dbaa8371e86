import { describe, expect, it } from 'vitest';
import type { Exchange, Note } from '../../sim/index';
import { viewNote } from './note-facts';
import { childrenOf, nestedRoots } from './nested-calls';

const at = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
type NoteKind = Note['kind'];

/** One note of every kind: a new kind fails to compile here until it is added. */
const examples: { [K in NoteKind]: Extract<Note, { kind: K }> } = {
  sigv4: { kind: 'sigv4', summary: 's', outcome: 'invalid', accessKeyId: 'AKIAEXAMPLE', code: 'SignatureDoesNotMatch', canonicalRequest: 'POST\n/\n\nhost:x', stringToSign: 'AWS4-HMAC-SHA256\n20260302T090000Z', signedHeaders: ['host', 'x-amz-date'] },
  error: { kind: 'error', summary: 's', code: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 },
  'code-sent': { kind: 'code-sent', summary: 's', purpose: 'sign-up', channel: 'EMAIL', destination: 'maya@example.com', expiresAt: at + 24 * 60 * MIN },
  'code-checked': { kind: 'code-checked', summary: 's', purpose: 'forgot-password', outcome: 'mismatch' },
  'password-checked': { kind: 'password-checked', summary: 's', username: 'alice', outcome: 'incorrect', failedAttempts: 3 },
  'password-policy': { kind: 'password-policy', summary: 's', outcome: 'rejected', rule: 'RequireNumbers' },
  lockout: { kind: 'lockout', summary: 's', username: 'alice', failedAttempts: 5, lockedUntil: at + 2000 },
  'token-issued': { kind: 'token-issued', summary: 's', tokenUse: 'id', kid: 'kid-1', claims: { sub: 'u1' }, expiresAt: at + 60 * MIN },
  'token-checked': { kind: 'token-checked', summary: 's', tokenUse: 'access', outcome: 'expired', reason: 'Access Token has expired' },
  'token-revoked': { kind: 'token-revoked', summary: 's', scope: 'all-user-tokens', username: 'bob' },
  'user-changed': { kind: 'user-changed', summary: 's', username: 'maya', change: 'confirmed' },
  challenge: { kind: 'challenge', summary: 's', challengeName: 'NEW_PASSWORD_REQUIRED', expiresAt: at + 3 * MIN },
  'secret-hash': { kind: 'secret-hash', summary: 's', outcome: 'valid' },
  policy: {
    kind: 'policy',
    summary: 's',
    principalArn: 'arn:aws:sts::123456789012:assumed-role/R/CognitoIdentityCredentials',
    evaluation: { decision: 'ImplicitDeny', reason: 'No statement allows dynamodb:Scan', statements: [], request: { action: 'dynamodb:Scan', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes', context: {} } },
  },
  'credentials-issued': { kind: 'credentials-issued', summary: 's', accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token', expiresAt: at + 60 * MIN, roleArn: 'arn:aws:iam::123456789012:role/R', identityId: 'us-east-1:abc' },
  'role-chosen': { kind: 'role-chosen', summary: 's', roleArn: 'arn:aws:iam::123456789012:role/R', how: 'token-preferred-role' },
  identity: { kind: 'identity', summary: 's', identityId: 'us-east-1:abc', created: true, logins: [] },
  oauth: { kind: 'oauth', summary: 's', step: 'pkce', outcome: 'refused', clientId: 'web-client-id', scopes: ['openid', 'email'], error: 'invalid_grant' },
  authorizer: {
    kind: 'authorizer',
    summary: 's',
    authorizer: 'COGNITO_USER_POOLS',
    name: 'LearnerPoolAuthorizer',
    outcome: 'unauthorized',
    cached: false,
    checks: [
      { check: 'token present', passed: true },
      { check: 'signature', passed: false, detail: 'does not verify with the JWKS key' },
    ],
  },
  mfa: { kind: 'mfa', summary: 's', factor: 'TOTP', step: 'code-checked', outcome: 'refused', detail: 'outside the ±30 s window' },
  srp: { kind: 'srp', summary: 's', step: 'challenge', outcome: 'ok', username: 'alice', values: { SRP_B: 'ab12' } },
  trigger: { kind: 'trigger', summary: 's', trigger: 'Pre sign-up', triggerSource: 'PreSignUp_SignUp', functionName: 'auto-confirm', outcome: 'ok', changes: ['autoConfirmUser'] },
  federation: { kind: 'federation', summary: 's', provider: 'Google', providerType: 'Google', step: 'user-linked', outcome: 'ok', subject: '1048', attributes: { email: 'g@example.com' } },
  saml: { kind: 'saml', summary: 's', issuer: 'https://sso.corp.example', outcome: 'refused', signature: 'invalid', reason: 'digest mismatch', nameId: 'carol.corp', notOnOrAfter: at + 5 * MIN },
  info: { kind: 'info', summary: 's' },
};

const factsOf = (note: Note) => Object.fromEntries(viewNote(note, at).facts.map((f) => [f.term, f.value]));

describe('viewNote', () => {
  it('gives every kind of note a badge and an icon', () => {
    const badges = Object.values(examples).map((note) => viewNote(note, at).badge);
    expect(new Set(badges).size).toBe(badges.length);
    for (const note of Object.values(examples)) expect(viewNote(note, at).icon).not.toBe('');
  });

  it('shows a SigV4 check with its canonical request and string to sign preformatted', () => {
    const view = viewNote(examples.sigv4, at);
    expect(view.tone).toBe('bad');
    expect(view.facts.filter((f) => f.pre).map((f) => f.term)).toEqual(['Canonical request', 'String to sign']);
    expect(factsOf(examples.sigv4)['Signed headers']).toBe('host;x-amz-date');
  });

  it('shows an AWS error with its code, message and status line', () => {
    expect(factsOf(examples.error)).toEqual({ Code: 'NotAuthorizedException', Message: 'Incorrect username or password.', Status: '400 Bad Request' });
    expect(viewNote(examples.error, at).tone).toBe('bad');
  });

  it('shows an issued token with its key, its expiry as ISO and relative to the step, and its claims', () => {
    const view = viewNote(examples['token-issued'], at);
    expect(view.tone).toBe('good');
    expect(factsOf(examples['token-issued'])).toEqual({ Token: 'ID token', 'Key id (kid)': 'kid-1', 'Expires at': '2026-03-02T10:00:00.000Z (expires in 1 h)' });
    expect(view.claims).toEqual({ sub: 'u1' });
  });

  it('shows an API authorizer with each check it made, failed ones marked', () => {
    expect(factsOf(examples.authorizer)).toEqual({
      Authorizer: 'LearnerPoolAuthorizer (COGNITO_USER_POOLS)',
      Outcome: 'unauthorized',
      Decision: 'computed for this request',
      '✔ token present': 'passed',
      '✖ signature': 'does not verify with the JWKS key',
    });
    expect(viewNote(examples.authorizer, at).tone).toBe('bad');
    expect(viewNote({ ...examples.authorizer, outcome: 'allowed', cached: true }, at).tone).toBe('good');
  });

  it('leaves out the facts a note does not have', () => {
    const refresh: Note = { kind: 'token-issued', summary: 's', tokenUse: 'refresh', expiresAt: at + 30 * 24 * 60 * MIN };
    expect(factsOf(refresh)).toEqual({ Token: 'Refresh token', 'Expires at': '2026-04-01T09:00:00.000Z (expires in 30 days)' });
    expect(viewNote(refresh, at).claims).toBeUndefined();
    expect(factsOf({ kind: 'sigv4', summary: 's', outcome: 'valid' })).toEqual({ Outcome: 'valid' });
  });

  it('shows an OAuth 2.0 decision with its step, client, scopes and error', () => {
    expect(factsOf(examples.oauth)).toEqual({ Step: 'PKCE (code verifier)', Outcome: 'refused', 'App client': 'web-client-id', Scopes: 'openid email', 'OAuth error': 'invalid_grant' });
    expect(viewNote(examples.oauth, at).tone).toBe('bad');
    expect(factsOf({ kind: 'oauth', summary: 's', step: 'session', outcome: 'ok' })).toEqual({ Step: 'hosted UI session cookie', Outcome: 'ok' });
  });

  it('says how long a lockout lasts from the step, and tones outcomes', () => {
    expect(factsOf(examples.lockout)['Locked until']).toBe('2026-03-02T09:00:02.000Z (for 2 s)');
    expect(viewNote(examples['code-checked'], at).tone).toBe('bad');
    expect(viewNote(examples['secret-hash'], at).tone).toBe('good');
    expect(viewNote(examples['token-revoked'], at).tone).toBe('warn');
  });
});

describe('nested calls', () => {
  const call = (id: string, parentId?: string) => ({ id, ...(parentId ? { parentId } : {}) }) as Exchange;
  it('roots are the calls whose parent is not among them; children hang under their parent', () => {
    const a = call('a', 'top');
    const b = call('b', 'a');
    const c = call('c', 'top');
    expect(nestedRoots([a, b, c])).toEqual([a, c]);
    expect(childrenOf(a, [a, b, c])).toEqual([b]);
    expect(childrenOf(c, [a, b, c])).toEqual([]);
  });
});
