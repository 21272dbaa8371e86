import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderConfig, settle, testWorld } from './config.testkit';
import { WorldFile } from './world-file';

afterEach(() => {
  vi.restoreAllMocks();
});

const file = (text: string, name: string) => new File([text], name, { type: 'application/json' });

describe('The world file', () => {
  it('refuses a file that is not JSON, says why, and loses nothing', async () => {
    const { user, world } = renderConfig(<WorldFile />, { world: testWorld((w) => (w.userPools[0]!.passwordPolicy = { MinimumLength: 10 })) });
    await user.upload(screen.getByLabelText('Import world'), file('{ not json', 'broken.json'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('“broken.json” was not imported: This file is not a Cognito Lab sandbox export: it is not JSON. The sandbox is unchanged.'),
    );
    expect(world().userPools[0]!.passwordPolicy).toEqual({ MinimumLength: 10 });
  });

  it('refuses an export whose world AWS would refuse, with the field and the reason', async () => {
    const { user, world, store } = renderConfig(<WorldFile />);
    const exported = JSON.parse(store.getState().exportJson()) as { world: { userPools: { passwordPolicy?: object }[] } };
    exported.world.userPools[0]!.passwordPolicy = { MinimumLength: 3 };
    await user.upload(screen.getByLabelText('Import world'), file(JSON.stringify(exported), 'weak.json'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/“weak.json” was not imported: .*userPools\[0\]\.passwordPolicy\.MinimumLength: Minimum length must be between 6 and 99/));
    expect(world().userPools[0]!.passwordPolicy).toBeUndefined();
  });

  it('exports the sandbox as a JSON download that imports back', async () => {
    let saved: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:sandbox';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user, world, store } = renderConfig(<WorldFile />, { world: testWorld((w) => (w.identityPools[0]!.allowUnauthenticatedIdentities = false)) });
    await user.click(screen.getByRole('button', { name: 'Export world' }));
    expect(click).toHaveBeenCalledOnce();
    expect(screen.getByRole('status')).toHaveTextContent('Exported the sandbox (its world and 0 actions) as cognito-lab-sandbox-LearnerPool.json.');
    const text = await saved!.text();
    expect(JSON.parse(text)).toMatchObject({ app: 'cognito-lab', kind: 'sandbox' });

    await act(() => store.getState().resetWorld());
    expect(world().identityPools[0]!.allowUnauthenticatedIdentities).toBe(true);
    await user.upload(screen.getByLabelText('Import world'), file(text, 'mine.json'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported “mine.json”'));
    expect(world().identityPools[0]!.allowUnauthenticatedIdentities).toBe(false);
    await settle(store);
  });

  it('resets to the default world only once confirmed', async () => {
    const { user, world, store } = renderConfig(<WorldFile />, { world: testWorld((w) => (w.userPools[0]!.mfaConfiguration = 'ON')) });
    const reset = screen.getByRole('button', { name: 'Reset to default world' });
    await user.click(reset);
    expect(reset).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(world().userPools[0]!.mfaConfiguration).toBe('ON');
    expect(reset).toHaveFocus();
    await user.click(reset);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reset the sandbox' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Reset the sandbox' }));
    expect(screen.getByRole('status')).toHaveTextContent('The sandbox is back to the default world, with no actions.');
    expect(world().userPools[0]!.mfaConfiguration).toBe('OPTIONAL');
    await settle(store);
  });
});
