import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './placeholders';

describe('World placeholders', () => {
  const ids = { accountId: '123456789012', region: 'us-east-1', 'identityPool:LearnerIdentities': 'us-east-1:abc' };

  it('fills ids in nested values and leaves IAM policy variables alone', () => {
    expect(
      fillPlaceholders({ Resource: ['arn:aws:dynamodb:{{region}}:{{accountId}}:table/Notes'], Condition: { StringEquals: { aud: '{{identityPool:LearnerIdentities}}', sub: '${cognito-identity.amazonaws.com:sub}' } }, n: 3 }, ids),
    ).toEqual({ Resource: ['arn:aws:dynamodb:us-east-1:123456789012:table/Notes'], Condition: { StringEquals: { aud: 'us-east-1:abc', sub: '${cognito-identity.amazonaws.com:sub}' } }, n: 3 });
  });

  it('refuses an unknown placeholder', () => {
    expect(() => fillPlaceholders('{{identityPool:Nope}}', ids)).toThrow('unknown placeholder {{identityPool:Nope}}');
  });
});
