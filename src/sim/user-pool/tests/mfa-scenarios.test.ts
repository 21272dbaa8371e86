// The two MFA scenarios do what their narration says at every step, not only at the last one: the operation, the
// HTTP status, and the challenge or error each step shows.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld } from '../../index';
import { runScenario } from '../../../content/scenarios/run';
import { totpMfa } from '../../../content/scenarios/totp-mfa';
import { smsMfa } from '../../../content/scenarios/sms-mfa';

async function stepsOf(scenario: typeof totpMfa) {
  const run = await runScenario(scenario, createSimulator, defaultWorld);
  return run.steps.map((s) => {
    const x = run.trace.find((e) => e.id === s.exchangeId)!;
    const body = JSON.parse(x.response.body ?? '{}') as Record<string, unknown>;
    return [x.operation, x.response.status, body.ChallengeName ?? body.__type ?? (body.AuthenticationResult ? 'tokens' : body.Status ?? (body.SecretCode ? 'secret' : '-'))];
  });
}

describe('The MFA scenarios, step by step', () => {
  it('totp-mfa: password only, secret, verified, on, challenge, tokens', async () => {
    expect(await stepsOf(totpMfa)).toEqual([
      ['InitiateAuth', 200, 'tokens'],
      ['AssociateSoftwareToken', 200, 'secret'],
      ['VerifySoftwareToken', 200, 'SUCCESS'],
      ['SetUserMFAPreference', 200, '-'],
      ['InitiateAuth', 200, 'SOFTWARE_TOKEN_MFA'],
      ['RespondToAuthChallenge', 200, 'tokens'],
    ]);
  });

  it('sms-mfa: password only, phone, on, challenge, a typo refused, tokens', async () => {
    expect(await stepsOf(smsMfa)).toEqual([
      ['InitiateAuth', 200, 'tokens'],
      ['UpdateUserAttributes', 200, '-'],
      ['SetUserMFAPreference', 200, '-'],
      ['InitiateAuth', 200, 'SMS_MFA'],
      ['RespondToAuthChallenge', 400, 'CodeMismatchException'],
      ['RespondToAuthChallenge', 200, 'tokens'],
    ]);
  });
});
