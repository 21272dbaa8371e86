import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as OTPAuth from 'otpauth';
import { resetTotpLab, useTotpLab } from '../../store/totp-lab';
import TotpLabPage from './totp-lab-page';

// A controllable wall clock: 09:00:05 on a Monday, five seconds into a 30-second window.
let wall = Date.UTC(2026, 4, 4, 9, 0, 5);

beforeEach(() => {
  resetTotpLab();
  wall = Date.UTC(2026, 4, 4, 9, 0, 5);
  useTotpLab.setState({ now: () => wall });
});
afterEach(() => resetTotpLab());

const SLOW = { timeout: 20_000 };

function authenticatorCode(): string {
  const text = within(screen.getByRole('region', { name: 'Virtual authenticator' })).getByText(/^\d{3} \d{3}$/).textContent!;
  return text.replace(' ', '');
}

function otpauthCode(at: number): string {
  const secret = useTotpLab.getState().secret!;
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

/** Six digits that are none of the codes the pool would accept around `at`. */
function wrongCode(at: number): string {
  const near = [-30_000, 0, 30_000].map((d) => otpauthCode(at + d));
  return ['000000', '111111', '222222', '333333'].find((c) => !near.includes(c))!;
}

async function typeCode(user: ReturnType<typeof userEvent.setup>, code: string) {
  const input = screen.getByRole('textbox', { name: 'Code from the authenticator' });
  await user.clear(input);
  await user.type(input, `${code}{Enter}`);
}

describe('The live TOTP lab', { timeout: 60_000 }, () => {
  it('signs alice in, sets up TOTP with the virtual authenticator’s code, and signs in again through the TOTP challenge', async () => {
    const user = userEvent.setup();
    render(<TotpLabPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Live TOTP lab' })).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Set up an authenticator app' }, SLOW);
    // The diagram and its list of steps follow in a deferred render.
    expect(within(await screen.findByRole('list', { name: 'Steps so far' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Sign in with the password 200']);

    // The virtual clock started at the (controlled) wall clock, and follows it before each request.
    wall += 2_000;
    await user.click(screen.getByRole('button', { name: 'Start TOTP setup' }));
    const verifyHeading = await screen.findByRole('heading', { name: 'Verify the authenticator' }, SLOW);
    expect(verifyHeading).toHaveFocus();
    const trace = useTotpLab.getState().trace;
    expect(trace.at(-1)).toMatchObject({ operation: 'AssociateSoftwareToken', at: wall });

    const secret = useTotpLab.getState().secret!;
    expect(screen.getByText(secret.match(/.{1,4}/g)!.join(' '))).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /^QR code of the otpauth URI for Cognito Lab: alice\./ })).toBeInTheDocument();
    await waitFor(() => expect(authenticatorCode()).toBe(otpauthCode(wall)));
    expect(screen.getByRole('region', { name: 'Virtual authenticator' })).toHaveTextContent('23 s left');

    // The countdown ticks with the wall clock, and the code changes with the window.
    wall += 10_000;
    await waitFor(() => expect(screen.getByRole('region', { name: 'Virtual authenticator' })).toHaveTextContent('13 s left'), { timeout: 3_000 });

    // A wrong code first: AWS's error, and the form stays for another try.
    await typeCode(user, wrongCode(wall));
    const refusal = await screen.findByRole('alert', {}, SLOW);
    expect(refusal).toHaveTextContent(/^VerifySoftwareToken was refused: EnableSoftwareTokenMFAException: Code mismatch and fail enable Software Token MFA$/);
    expect(screen.getByRole('heading', { name: 'Verify the authenticator' })).toBeInTheDocument();

    // Six digits or nothing: the app catches it before any request.
    const steps = useTotpLab.getState().steps.length;
    await typeCode(user, '12345');
    expect(screen.getByText('Type the six digits the authenticator shows.')).toBeInTheDocument();
    expect(useTotpLab.getState().steps).toHaveLength(steps);

    await typeCode(user, authenticatorCode());
    expect(await screen.findByRole('heading', { name: 'Turn on TOTP MFA' }, SLOW)).toHaveFocus();
    expect(screen.getByText('The authenticator is verified.')).toBeInTheDocument();
    expect(screen.queryByText(/was refused/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Make TOTP the preferred MFA' }));
    await screen.findByRole('heading', { name: 'Sign in again' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Sign in again with the password' }));
    await screen.findByRole('heading', { name: 'Enter a code to sign in' }, SLOW);
    expect(useTotpLab.getState().trace.at(-1)?.response.body).toContain('"ChallengeName":"SOFTWARE_TOKEN_MFA"');

    // The code that verified the authenticator cannot be used again: the lab says to wait for the next one.
    expect(screen.getByText(/A code works only once/)).toHaveTextContent('wait 13 s for the next code');
    await typeCode(user, wrongCode(wall));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^RespondToAuthChallenge was refused: CodeMismatchException: /), SLOW);

    wall += 30_000;
    await waitFor(() => expect(authenticatorCode()).toBe(otpauthCode(wall)), { timeout: 3_000 });
    await waitFor(() => expect(screen.queryByText(/A code works only once/)).not.toBeInTheDocument(), { timeout: 3_000 });
    await typeCode(user, authenticatorCode());

    expect(await screen.findByRole('heading', { name: 'Signed in with two factors' }, SLOW)).toHaveFocus();
    expect(screen.getByText('Signed in as alice, with a password and an authenticator code.')).toBeInTheDocument();
    const claims = screen.getByRole('table', { name: 'ID token claims' });
    expect(within(claims).getByRole('row', { name: /cognito:username/ })).toHaveTextContent('alice');
    expect(within(claims).getByRole('row', { name: /^email / })).toHaveTextContent('alice@example.com');

    const titles = within(screen.getByRole('list', { name: 'Steps so far' })).getAllByRole('button').map((b) => b.textContent);
    expect(titles).toEqual([
      'Sign in with the password',
      'Start TOTP setup',
      'Verify the authenticator (refused)',
      'Verify the authenticator',
      'Make TOTP the preferred MFA',
      'Sign in again',
      'Answer the TOTP challenge (refused)',
      'Answer the TOTP challenge',
    ]);
  });

  it('shows every step with the player’s diagram, narration and inspector, and the secret’s Authenticator tab', async () => {
    const user = userEvent.setup();
    render(<TotpLabPage />);
    await screen.findByRole('heading', { name: 'Set up an authenticator app' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Start TOTP setup' }));
    await screen.findByRole('heading', { name: 'Verify the authenticator' }, SLOW);

    expect(screen.getByRole('img', { name: /^Flow diagram: step 2 of 2/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Narration' })).toHaveTextContent('2. Start TOTP setup');
    const steps = screen.getByRole('list', { name: 'Steps so far' });
    expect(within(steps).getByRole('button', { name: 'Start TOTP setup' })).toHaveAttribute('aria-current', 'step');
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const panel = screen.getByRole('tabpanel', { name: 'Authenticator' });
    expect(panel).toHaveTextContent('AssociateSoftwareToken answered with a TOTP secret for alice.');

    await user.click(within(steps).getByRole('button', { name: 'Sign in with the password' }));
    expect(screen.getByRole('region', { name: 'Narration' })).toHaveTextContent('1. Sign in with the password');
    expect(screen.queryByRole('tab', { name: 'Authenticator' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Tokens' }));
    expect(within(screen.getByRole('tabpanel', { name: 'Tokens' })).getByRole('article', { name: 'ID token' })).toBeInTheDocument();
    expect(await screen.findAllByText(/Signature verified with key/, {}, SLOW)).not.toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Sequence' }));
    expect(screen.getByRole('figure', { name: 'Sequence diagram: step 1 of 2' })).toBeInTheDocument();
  });

  it('starts over on a fresh simulator', async () => {
    const user = userEvent.setup();
    render(<TotpLabPage />);
    await screen.findByRole('heading', { name: 'Set up an authenticator app' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Start TOTP setup' }));
    await screen.findByRole('heading', { name: 'Verify the authenticator' }, SLOW);
    const firstSecret = useTotpLab.getState().secret;
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(await screen.findByRole('heading', { name: 'Set up an authenticator app' }, SLOW)).toHaveFocus();
    expect(within(await screen.findByRole('list', { name: 'Steps so far' })).getAllByRole('listitem')).toHaveLength(1);
    expect(useTotpLab.getState().secret).toBeNull();
    await act(async () => {
      wall += 60_000;
      await useTotpLab.getState().associate();
    });
    expect(useTotpLab.getState().secret).not.toBe(firstSecret);
  });
});
