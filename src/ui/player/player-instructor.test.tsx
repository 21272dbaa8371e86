// The player's instructor tools: Present (and ?view=presenter in the address), Share, and the image export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Player from './player';
import { resetPlayer, usePlayer } from '../../store/player';

beforeEach(() => resetPlayer());
afterEach(() => resetPlayer());

async function openPlayer(hash: string, step: number) {
  window.location.hash = hash;
  const view = render(<Player scenarioId="sign-up-and-sign-in" step={step} />);
  await screen.findAllByText(`Step ${step} of 5`, {}, { timeout: 20_000 });
  return view;
}

describe('The player\u2019s instructor tools', { timeout: 40_000 }, () => {
  it('presents with the Present button: clicker keys step the scenario, the address says so, Escape leaves', async () => {
    const user = userEvent.setup();
    await openPlayer('#/learn/sign-up-and-sign-in/2', 2);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    const presenter = screen.getByRole('dialog', { name: 'Presenter view: Sign up, confirm, sign in' });
    // The address follows once the frame is painted.
    await waitFor(() => expect(window.location.hash).toBe('#/learn/sign-up-and-sign-in/2?view=presenter'));
    await user.keyboard('{PageDown}');
    expect(usePlayer.getState().cursor).toBe(2);
    expect(within(presenter).getByText('Step 3 of 5')).toBeInTheDocument();
    // The player behind it is inert (Testing Library's queries do not know inert, so look for it): of the two
    // narration live regions only the presenter's is exposed, and the step is heard once.
    const exposed = screen.getAllByRole('region', { name: 'Narration' }).filter((region) => !region.closest('[inert]'));
    expect(exposed).toEqual([within(presenter).getByRole('region', { name: 'Narration' })]);
    expect(screen.getByRole('button', { name: 'Present' }).closest('[inert]')).not.toBeNull();
    await user.keyboard('{PageUp}{PageUp}');
    expect(usePlayer.getState().cursor).toBe(0);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe('#/learn/sign-up-and-sign-in/1'));
    expect(document.querySelector('[inert]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
    // Back in the player, its own keys work again (one step per key, not two).
    await user.keyboard('{ArrowRight}');
    expect(usePlayer.getState().cursor).toBe(1);
  });

  it('opens straight into presenter view when the address asks for it', async () => {
    await openPlayer('#/learn/sign-up-and-sign-in/4?view=presenter', 4);
    const presenter = screen.getByRole('dialog', { name: 'Presenter view: Sign up, confirm, sign in' });
    expect(within(presenter).getByRole('heading', { name: '4. Sign in' })).toBeInTheDocument();
  });

  it('offers Share and the image export next to the view toggle', async () => {
    await openPlayer('#/learn/sign-up-and-sign-in/1?layout=sequence', 1);
    expect(screen.getByRole('button', { name: 'Sequence' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Share' })).toHaveAttribute('aria-haspopup', 'dialog');
    const exportGroup = screen.getByRole('group', { name: 'Export the diagram' });
    expect(within(exportGroup).getByRole('button', { name: 'Export the diagram as SVG' })).toBeEnabled();
    expect(within(exportGroup).getByRole('button', { name: 'Export the diagram as PNG' })).toBeEnabled();
  });
});
