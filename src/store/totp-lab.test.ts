import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { totpCounter } from '../lib/totp';
import { resetTotpLab, useTotpLab } from './totp-lab';

let wall = Date.UTC(2026, 4, 4, 12, 0, 10);
const lab = () => useTotpLab.getState();
const code = (at: number) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(lab().secret!) }).generate({ timestamp: at });
const lastExchange = () => lab().trace.at(-1)!;

beforeEach(() => {
  resetTotpLab();
  wall = Date.UTC(2026, 4, 4, 12, 0, 10);
  useTotpLab.setState({ now: () => wall });
});
afterEach(() => resetTotpLab());

describe('The live TOTP lab’s store', { timeout: 30_000 }, () => {
  it('keeps the virtual clock at the wall clock before each request, and never runs it backwards', async () => {
    await lab().start();
    expect(lab().phase).toBe('signed-in');
    expect(lastExchange()).toMatchObject({ operation: 'InitiateAuth', at: wall });

    const started = wall;
    wall -= 5_000; // the wall clock stepped back (an NTP correction): the virtual clock stays put
    await lab().associate();
    expect(lab().phase).toBe('enrolling');
    expect(lastExchange()).toMatchObject({ operation: 'AssociateSoftwareToken', at: started });

    wall = started + 40_000;
    await lab().verify(code(wall));
    expect(lab().phase).toBe('verified');
    expect(lastExchange()).toMatchObject({ operation: 'VerifySoftwareToken', at: wall });
    expect(lab().usedStep).toBe(totpCounter(wall));
  });

  it('records a refused request as a step with AWS’s error, and changes nothing else', async () => {
    await lab().start();
    await lab().associate();
    const secret = lab().secret;
    const right = code(wall);
    await lab().verify(right === '000000' ? '111111' : '000000');
    expect(lab()).toMatchObject({ phase: 'enrolling', secret, busy: false, error: { operation: 'VerifySoftwareToken', code: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' } });
    expect(lab().steps.map((s) => s.title)).toEqual(['Sign in with the password', 'Start TOTP setup', 'Verify the authenticator (refused)']);
    expect(lab().cursor).toBe(2);
    // TOTP cannot be switched on before a code has verified the authenticator.
    await lab().preferTotp();
    expect(lab().error).toEqual({ operation: 'SetUserMFAPreference', code: 'InvalidParameterException', message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA' });
    expect(lab().phase).toBe('enrolling');
  });

  it('ignores the answers of a lab that was started over', async () => {
    await lab().start();
    const pending = lab().associate();
    resetTotpLab();
    await pending;
    expect(lab()).toMatchObject({ phase: 'idle', secret: null, steps: [] });
  });
});
