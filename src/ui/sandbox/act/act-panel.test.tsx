// The Act panel on the real sandbox store and the real simulator: each action's requests become steps that play in
// the player's diagram, are narrated, and land in the inspector with AWS's answer.
import { beforeEach, describe, expect, it } from 'vitest';
import { act as reactAct, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSandbox } from '../../../store/sandbox';
import { ActPanel } from './act-panel';

const SLOW = { timeout: 20_000 };

beforeEach(async () => {
  await useSandbox.getState().resetWorld();
  useSandbox.setState({ notice: null, issues: [] });
});

type User = ReturnType<typeof userEvent.setup>;

async function renderPanel() {
  const user = userEvent.setup();
  render(<ActPanel />);
  await waitFor(() => expect(useSandbox.getState().run).not.toBeNull(), SLOW);
  return user;
}

/** Waits until the store has run everything queued and the panel shows it. */
async function settled() {
  await reactAct(async () => {
    await useSandbox.getState().idle();
  });
}

async function signInAlice(user: User) {
  const form = screen.getByRole('form', { name: 'Sign in' });
  await user.click(within(form).getByRole('button', { name: 'Use alice' }));
  await user.click(within(form).getByRole('button', { name: 'Sign in' }));
  await settled();
}

const narration = () => screen.getByRole('region', { name: 'Narration' });
const inspector = () => screen.getByRole('region', { name: 'Inspector' });

describe('The Act panel on the real simulator', { timeout: 60_000 }, () => {
  it('signs in: the step plays in the diagram, is narrated and lands in the inspector', async () => {
    const user = await renderPanel();
    expect(screen.getByText(/No request yet/)).toBeInTheDocument();
    // The live region is there before the first request, so its narration is announced when it comes.
    const liveRegion = narration();
    expect(liveRegion).toHaveAttribute('aria-live', 'polite');
    expect(liveRegion).toHaveTextContent(/No request yet/);
    await signInAlice(user);

    expect(useSandbox.getState().doc.actions).toEqual([{ kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'alice', password: 'Alice#Passw0rd' }]);
    expect(await screen.findByRole('heading', { name: '1. Sign in alice (password)' }, SLOW)).toBeInTheDocument();
    expect(narration()).toBe(liveRegion);
    expect(narration()).toHaveTextContent('USER_PASSWORD_AUTH');
    expect(within(liveRegion).getByRole('heading', { level: 4, name: '1. Sign in alice (password)' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Flow diagram: step 1 of 1/ })).toBeInTheDocument();
    expect(within(screen.getByRole('tabpanel', { name: 'HTTP' })).getAllByText(/AWSCognitoIdentityProviderService\.InitiateAuth/).length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'The app’s session' })).toHaveTextContent('Useralice');

    // The tokens it got, decoded.
    await user.click(within(inspector()).getByRole('tab', { name: 'Tokens' }));
    const tokens = within(screen.getByRole('tabpanel', { name: 'Tokens' })).getByRole('article', { name: 'ID token' });
    expect(tokens).toHaveTextContent('alice@example.com');
  });

  it('plays an action’s several steps, and steps back and forth with Previous/Next and the player’s keys', async () => {
    const user = await renderPanel();
    await signInAlice(user);
    await user.click(screen.getByRole('tab', { name: 'Identity pool and API' }));
    await user.click(screen.getByRole('button', { name: 'Get credentials' }));
    await settled();
    // GetId then GetCredentialsForIdentity: the cursor is on the first new step, and they play.
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause' }));

    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(screen.getByText('Step 3 of 3')).toBeInTheDocument();
    expect(within(inspector()).getByRole('tab', { name: 'Credentials' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();

    document.body.focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    expect(useSandbox.getState().cursor).toBe(0);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    await user.keyboard('{End}{Home}');
    expect(screen.getByText('Step 1 of 3')).toBeInTheDocument();
    // The list of actions leads to each action's steps.
    await user.click(screen.getByRole('button', { name: 'Steps 2–3' }));
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'The app’s session' })).toHaveTextContent(/Identity idus-east-1:/);
  });

  it('a tampered claim: API Gateway refuses GET /profile with 401, shown in the inspector', async () => {
    const user = await renderPanel();
    await signInAlice(user);
    await user.click(screen.getByRole('tab', { name: 'Break it' }));
    await user.click(screen.getByRole('radio', { name: 'Tamper a claim' }));
    await user.click(screen.getByRole('tab', { name: 'Identity pool and API' }));
    await user.click(screen.getByRole('button', { name: 'Send GET /profile' }));
    await settled();

    expect(useSandbox.getState().doc.actions.at(-1)).toEqual({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'tampered-claim' });
    expect(screen.getByRole('heading', { name: '2. GET /profile' })).toBeInTheDocument();
    expect(narration()).toHaveTextContent('Break it');
    const exchange = useSandbox.getState().run!.trace.find((x) => x.id === useSandbox.getState().run!.steps[1]!.exchangeId)!;
    expect(exchange.response.status).toBe(401);
    const http = screen.getByRole('tabpanel', { name: 'HTTP' });
    expect(within(http).getAllByText(/401/).length).toBeGreaterThan(0);
    expect(http).toHaveTextContent('Unauthorized');
  });

  it('a stricter password policy: the sign-up is refused with InvalidPasswordException', async () => {
    const user = await renderPanel();
    await user.click(screen.getByRole('tab', { name: 'Break it' }));
    await user.click(screen.getByRole('button', { name: 'Use a stricter password policy' }));
    await settled();
    expect(useSandbox.getState().doc.world.userPools[0]!.passwordPolicy).toMatchObject({ MinimumLength: 16 });

    await user.click(screen.getByRole('tab', { name: 'User pool' }));
    await user.click(within(screen.getByRole('form', { name: 'Sign up' })).getByRole('button', { name: 'Sign up' }));
    await settled();
    expect(screen.getByRole('heading', { name: '1. Sign up carla' })).toBeInTheDocument();
    expect(narration()).toHaveTextContent('InvalidPasswordException');
    expect(within(screen.getByRole('tabpanel', { name: 'HTTP' })).getAllByText(/InvalidPasswordException/).length).toBeGreaterThan(0);
    expect(screen.getByRole('tabpanel', { name: 'HTTP' })).toHaveTextContent('Password does not conform to policy: Password not long enough');
  });

  it('signs up and confirms with the code from the inbox; the clock moves on and the ID token expires', async () => {
    const user = await renderPanel();
    await user.click(within(screen.getByRole('form', { name: 'Sign up' })).getByRole('button', { name: 'Sign up' }));
    await settled();
    const inbox = screen.getByRole('list', { name: 'Messages, newest first' });
    expect(inbox).toHaveTextContent('carla@example.com');
    const code = useSandbox.getState().run!.messages.at(-1)!.code!;
    expect(within(inbox).getByText(code)).toBeInTheDocument();
    const confirm = screen.getByRole('form', { name: 'Confirm the sign-up' });
    await user.type(within(confirm).getByRole('textbox', { name: 'Code' }), `${code}{Enter}`);
    await settled();
    expect(useSandbox.getState().doc.actions.at(-1)).toEqual({ kind: 'confirm-sign-up', username: 'carla', code });
    expect(screen.getByRole('heading', { name: '2. Confirm carla' })).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Sign in' });
    await user.clear(within(form).getByRole('textbox', { name: 'Username' }));
    await user.type(within(form).getByRole('textbox', { name: 'Username' }), 'carla');
    await user.clear(within(form).getByRole('textbox', { name: 'Password' }));
    await user.type(within(form).getByRole('textbox', { name: 'Password' }), 'Carla#Passw0rd{Enter}');
    await settled();

    const clock = screen.getByRole('region', { name: 'Virtual clock' });
    expect(clock).toHaveTextContent('Now: 2026-03-02 09:00:00 UTC');
    await user.click(within(clock).getByRole('button', { name: '+1 day' }));
    await settled();
    expect(clock).toHaveTextContent('Now: 2026-03-03 09:00:00 UTC');
    await user.click(screen.getByRole('tab', { name: 'Identity pool and API' }));
    await user.click(screen.getByRole('button', { name: 'Send GET /profile' }));
    await settled();
    const run = useSandbox.getState().run!;
    expect(run.trace.find((x) => x.id === run.steps.at(-1)!.exchangeId)!.response.status).toBe(401);
    expect(narration()).toHaveTextContent(/1 day later/i);
  });

  it('says why an action could not run; Undo last action takes it back', async () => {
    const user = await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Set up TOTP' }));
    await settled();
    const alert = screen.getAllByRole('alert').find((a) => a.textContent !== '')!;
    expect(alert).toHaveTextContent('Could not run “Set up TOTP”: Setting up TOTP needs a signed-in user');
    expect(screen.getByRole('list', { name: 'Actions so far' })).toHaveTextContent('Not run:');
    await user.click(screen.getByRole('button', { name: 'Undo last action' }));
    await settled();
    expect(useSandbox.getState().doc.actions).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Actions so far' })).not.toBeInTheDocument();
  });
});
