import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../sim/index';
import { expirationMs, findCredentials, roleArnOf, roleName } from './find-credentials';
import { ALICE_ID, AT, AUTH_ROLE, assumeRole, getCredentials, initiateAuth, KEY } from './aws-exchanges.testkit';

describe('findCredentials', () => {
  it('merges the credentials-issued note and the JSON body of GetCredentialsForIdentity into one set', () => {
    const { exchange, nested } = getCredentials();
    expect(findCredentials(exchange, nested)).toEqual([
      {
        accessKeyId: KEY.accessKeyId,
        temporary: true,
        secretAccessKey: KEY.secretAccessKey,
        sessionToken: KEY.sessionToken,
        expiresAt: AT + 3_600_000,
        roleArn: AUTH_ROLE,
        identityId: ALICE_ID,
        where: ['Decision: credentials issued', 'Response body, Credentials'],
      },
    ]);
  });

  it('reads a body alone: SecretKey and epoch-second Expiration, with the IdentityId beside them', () => {
    const { exchange } = getCredentials();
    const [found] = findCredentials({ ...exchange, notes: [] });
    expect(found).toMatchObject({ secretAccessKey: KEY.secretAccessKey, expiresAt: AT + 3_600_000, identityId: ALICE_ID, where: ['Response body, Credentials'] });
    expect(found).not.toHaveProperty('roleArn');
  });

  it('reads STS’s XML, taking the role from the request’s RoleArn, or else from the assumed-role ARN', () => {
    const sts = assumeRole();
    expect(findCredentials(sts)).toEqual([
      expect.objectContaining({ accessKeyId: 'ASIAQ3EGUQ7STSKEY345', roleArn: AUTH_ROLE, expiresAt: Date.UTC(2026, 2, 2, 10), where: ['Response body (XML), Credentials'] }),
    ]);
    const noParam = { ...sts, request: { ...sts.request, body: 'Action=AssumeRoleWithWebIdentity' } };
    expect(findCredentials(noParam)[0]?.roleArn).toBe(AUTH_ROLE);
  });

  it('names a nested call where it found credentials, and tells long-term AKIA keys from temporary ones', () => {
    const outer: Exchange = { ...initiateAuth(), notes: [] };
    const inner: Exchange = { ...outer, id: 'n1', to: 'iam', operation: 'CreateAccessKey', response: { status: 200, headers: {}, body: JSON.stringify({ AccessKey: { Credentials: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: 's' } } }) } };
    expect(findCredentials(outer, [inner])).toEqual([{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', temporary: false, secretAccessKey: 's', where: ['iam: CreateAccessKey, Response body, AccessKey.Credentials'] }]);
  });

  it('finds nothing where there are no credentials', () => {
    expect(findCredentials(initiateAuth(), getCredentials().nested)).toEqual([]);
  });
});

describe('roleName and roleArnOf', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/Cognito_LearnerAuth_Role', 'Cognito_LearnerAuth_Role'],
    ['arn:aws:iam::123456789012:role/service-role/team/Reader', 'Reader'],
    ['arn:aws:sts::123456789012:assumed-role/AdminRole/CognitoIdentityCredentials', 'AdminRole'],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Notes', undefined],
  ])('%s is role %s', (arn, name) => {
    expect(roleName(arn)).toBe(name);
  });

  it('turns an assumed-role session into its role ARN and leaves role ARNs alone', () => {
    expect(roleArnOf('arn:aws:sts::123456789012:assumed-role/AdminRole/s')).toBe('arn:aws:iam::123456789012:role/AdminRole');
    expect(roleArnOf(AUTH_ROLE)).toBe(AUTH_ROLE);
  });
});

describe('expirationMs', () => {
  it.each([
    [1772445600, 1772445600000],
    [1772445600.5, 1772445600500],
    [1772445600000, 1772445600000],
    ['1772445600', 1772445600000],
    ['2026-03-02T10:00:00Z', 1772445600000],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (value, ms) => {
    expect(expirationMs(value)).toBe(ms);
  });
});
