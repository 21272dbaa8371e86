import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import Player from './player';
import { resetPlayer, usePlayer } from '../../store/player';

beforeEach(() => resetPlayer());
afterEach(() => resetPlayer());

async function openPlayer(step = 1) {
  window.location.hash = `#/learn/sign-up-and-sign-in/${step}`;
  const view = render(<Player scenarioId="sign-up-and-sign-in" step={step} />);
  // The first run generates RSA keys: give a loaded machine time.
  await screen.findByText(`Step ${step} of 5`, {}, { timeout: 20_000 });
  return view;
}

describe('The player, driven by the keyboard', { timeout: 30_000 }, () => {
  it('steps with → and Space, back with ←, restarts with Home, and the URL follows', async () => {
    const user = userEvent.setup();
    const view = await openPlayer();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Step 2 of 5')).toBeInTheDocument();
    // The address follows once the step is on screen.
    await waitFor(() => expect(window.location.hash).toBe('#/learn/sign-up-and-sign-in/2'));
    view.rerender(<Player scenarioId="sign-up-and-sign-in" step={2} />);
    await user.keyboard(' ');
    expect(screen.getByText('Step 3 of 5')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('Step 2 of 5')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(screen.getByText('Step 1 of 5')).toBeInTheDocument();
  });

  it('announces each step in the same live region, which stays in place from step to step', async () => {
    const user = userEvent.setup();
    await openPlayer();
    const region = screen.getByRole('region', { name: 'Narration' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveAttribute('aria-atomic', 'true');
    const first = region.textContent;
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('region', { name: 'Narration' })).toBe(region);
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(/^2\. /);
    expect(region.textContent).not.toBe(first);
  });

  it('plays and pauses with P', async () => {
    const user = userEvent.setup();
    await openPlayer();
    await user.keyboard('p');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.keyboard('P');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('leaves keys typed into a form field alone', async () => {
    const user = userEvent.setup();
    await openPlayer(2);
    screen.getByRole('combobox', { name: 'Speed' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Step 2 of 5')).toBeInTheDocument();
  });

  it('opens the step a link names, narrates it, and inspects its exchange', async () => {
    await openPlayer(4);
    expect(screen.getByRole('heading', { name: '4. Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Narration' })).toHaveTextContent('USER_PASSWORD_AUTH');
    const http = screen.getByRole('tabpanel', { name: 'HTTP' });
    expect(within(http).getAllByText(/AWSCognitoIdentityProviderService\.InitiateAuth/).length).toBeGreaterThan(0);
  });

  it('shows the outcome at the last step', async () => {
    await openPlayer(5);
    expect(screen.getByRole('note', { name: 'Outcome' })).toHaveTextContent('Maya is signed in');
  });

  it('stops playing at the last step', async () => {
    await openPlayer(4);
    usePlayer.getState().play();
    usePlayer.getState().next();
    await waitFor(() => expect(usePlayer.getState().playing).toBe(false));
    expect(usePlayer.getState().cursor).toBe(4);
  });
});

describe('The player, following a link from one scenario to another', { timeout: 40_000 }, () => {
  // As the app does: the scenario and the step come from the address, and follow it.
  function Routed() {
    const [hash, setHash] = useState(window.location.hash);
    useEffect(() => {
      const onChange = () => setHash(window.location.hash);
      window.addEventListener('hashchange', onChange);
      return () => window.removeEventListener('hashchange', onChange);
    }, []);
    const [, , scenarioId = '', step = '1'] = hash.split('?')[0]!.split('/');
    return <Player scenarioId={scenarioId} step={Number(step)} />;
  }

  it('opens the step the link names, not the step the previous scenario was at', async () => {
    window.location.hash = '#/learn/sign-up-and-sign-in/4';
    render(<Routed />);
    await screen.findByText('Step 4 of 5', {}, { timeout: 20_000 });
    window.location.hash = '#/learn/groups-and-roles/2';
    await screen.findByText('Step 2 of 3', {}, { timeout: 20_000 });
    expect(window.location.hash).toBe('#/learn/groups-and-roles/2');
  });

  it('keeps a step pressed while its previous step’s address was on its way back (no step lost to the echo)', async () => {
    window.location.hash = '#/learn/sign-up-and-sign-in/1';
    // Ahead of the app's own listener: the moment the address of step 2 comes back, the learner presses → again.
    let pressed = false;
    const pressAgain = () => {
      if (pressed || !window.location.hash.endsWith('/2')) return;
      pressed = true;
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    };
    window.addEventListener('hashchange', pressAgain);
    try {
      render(<Routed />);
      await screen.findByText('Step 1 of 5', {}, { timeout: 20_000 });
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await waitFor(() => expect(pressed).toBe(true));
      await waitFor(() => expect(window.location.hash).toBe('#/learn/sign-up-and-sign-in/3'));
      // The echo of step 2 did not pull the cursor back: the learner is on step 3, and stays there.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(usePlayer.getState().cursor).toBe(2);
      expect(screen.getByText('Step 3 of 5')).toBeInTheDocument();
      // The browser's Back still goes to step 2.
      window.history.back();
      await waitFor(() => expect(usePlayer.getState().cursor).toBe(1));
    } finally {
      window.removeEventListener('hashchange', pressAgain);
    }
  });
});

describe('The player, given a scenario that does not exist', () => {
  it('says so and links back to the library', () => {
    render(<Player scenarioId="no-such-thing" step={1} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Scenario not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the scenarios' })).toHaveAttribute('href', '#/learn');
  });
});
