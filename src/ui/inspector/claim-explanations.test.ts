import { describe, expect, it } from 'vitest';
import { explainClaim, explainHeaderField } from './claim-explanations';
import { formatClaimValue } from './format-claim';

describe('claim explanations', () => {
  it('explains every claim Cognito puts in ID and access tokens', () => {
    const claims = ['sub', 'iss', 'aud', 'client_id', 'token_use', 'scope', 'auth_time', 'iat', 'exp', 'jti', 'origin_jti', 'event_id', 'cognito:username', 'username', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role', 'email', 'email_verified', 'at_hash', 'nonce', 'identities', 'version'];
    for (const name of claims) expect(explainClaim(name), name).toMatch(/\w{3,}/);
    expect(explainClaim('sub')).toMatch(/unique/);
    expect(explainClaim('aud')).toMatch(/app client/);
  });

  it('explains custom attributes by their name and says they are strings', () => {
    expect(explainClaim('custom:department')).toMatch(/department.*always strings/);
  });

  it('knows nothing of unknown names, including inherited object keys', () => {
    expect(explainClaim('favourite_colour')).toBeUndefined();
    expect(explainClaim('toString')).toBeUndefined();
    expect(explainHeaderField('constructor')).toBeUndefined();
  });

  it('explains the header fields', () => {
    expect(explainHeaderField('kid')).toMatch(/JWKS/);
    expect(explainHeaderField('alg')).toMatch(/RS256/);
  });
});

describe('formatClaimValue', () => {
  const at = Date.UTC(2026, 2, 2, 9, 0, 0);
  const seconds = at / 1000;
  it('shows times also as ISO dates, and exp relative to the step', () => {
    expect(formatClaimValue('iat', seconds, at)).toBe(`${seconds} — 2026-03-02T09:00:00.000Z`);
    expect(formatClaimValue('exp', seconds + 3600, at)).toBe(`${seconds + 3600} — 2026-03-02T10:00:00.000Z, expires in 1 h`);
    expect(formatClaimValue('exp', seconds - 180, at)).toMatch(/expired 3 min ago$/);
  });

  it('shows lists and objects as JSON and leaves strings and other numbers alone', () => {
    expect(formatClaimValue('cognito:groups', ['admins', 'readers'], at)).toBe('["admins","readers"]');
    expect(formatClaimValue('email_verified', true, at)).toBe('true');
    expect(formatClaimValue('version', 2, at)).toBe('2');
    expect(formatClaimValue('sub', 'abc', at)).toBe('abc');
  });
});
