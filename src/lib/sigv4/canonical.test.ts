import { describe, expect, it } from 'vitest';
import { toHex } from '../encoding';
import { signingKey, signingKeySteps } from './canonical';

describe('The signing-key derivation shown to learners', () => {
  it('ends in the key that signs, after the four documented HMAC steps', async () => {
    // AWS's documented example secret and scope (IAM User Guide, "Create a signed AWS API request").
    const steps = await signingKeySteps('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam');
    expect(steps.map((s) => s.step.split(' =')[0])).toEqual(['kDate', 'kRegion', 'kService', 'kSigning']);
    expect(steps[3]!.hex).toBe(toHex(await signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam')));
    expect(steps[3]!.hex).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
  });
});
