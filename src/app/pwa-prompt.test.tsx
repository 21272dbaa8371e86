import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'virtual:pwa-register';
import { createPwaController, registerServiceWorker, UPDATE_CHECK_MS, type RegisterSW } from './pwa';
import { PwaPrompt } from './pwa-prompt';

/** A stand-in for vite-plugin-pwa's registerSW: it keeps the callbacks so a test can play the service worker. */
function fakeRegisterSW() {
  const worker: { options?: RegisterSWOptions; updateSW: ReturnType<typeof vi.fn<(reload?: boolean) => Promise<void>>> } = {
    updateSW: vi.fn<(reload?: boolean) => Promise<void>>(() => Promise.resolve()),
  };
  const registerSW: RegisterSW = (options) => {
    worker.options = options;
    return worker.updateSW;
  };
  return { worker, registerSW };
}

function setup() {
  const controller = createPwaController();
  const { worker, registerSW } = fakeRegisterSW();
  controller.connect(registerSW);
  render(<PwaPrompt controller={controller} />);
  return { controller, worker };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('The update prompt', () => {
  it('shows nothing until the service worker reports, in a live region that is always there', () => {
    setup();
    const live = screen.getByRole('status');
    expect(live).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says once that the app works offline, and Dismiss hides it', async () => {
    const user = userEvent.setup();
    const { worker } = setup();
    act(() => worker.options!.onOfflineReady!());
    const box = within(screen.getByRole('status')).getByRole('group', { name: 'Cognito Lab is ready to work offline.' });
    expect(within(box).queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
    await user.click(within(box).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers Reload when a new version waits; Reload activates it and the button says it is reloading', async () => {
    const user = userEvent.setup();
    let finish: () => void = () => {};
    const { worker } = setup();
    worker.updateSW.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    act(() => worker.options!.onNeedRefresh!());
    const box = screen.getByRole('group', { name: /^A new version of Cognito Lab is ready\. Reload to use it; your saved progress stays\.$/ });
    const reload = within(box).getByRole('button', { name: 'Reload' });
    // The learner keeps their focus: the prompt announces itself, it does not take over.
    expect(reload).not.toHaveFocus();
    await user.click(reload);
    expect(worker.updateSW).toHaveBeenCalledWith(true);
    expect(within(box).getByRole('button', { name: 'Reloading…' })).toBeDisabled();
    await act(async () => finish());
  });

  it('Later hides the offer; the new version stays waiting for the next visit', async () => {
    const user = userEvent.setup();
    const { worker } = setup();
    act(() => worker.options!.onNeedRefresh!());
    await user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(worker.updateSW).not.toHaveBeenCalled();
  });

  it('a new version replaces the offline-ready message', () => {
    const { worker } = setup();
    act(() => worker.options!.onOfflineReady!());
    act(() => worker.options!.onNeedRefresh!());
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.queryByText('Cognito Lab is ready to work offline.')).not.toBeInTheDocument();
  });

  it('gives Reload back when activating the new version fails', async () => {
    const user = userEvent.setup();
    const { worker } = setup();
    worker.updateSW.mockRejectedValue(new Error('the worker went away'));
    act(() => worker.options!.onNeedRefresh!());
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByRole('button', { name: 'Reload' })).toBeEnabled();
  });
});

describe('The registration', () => {
  it('asks the host for a new version every hour while online, and not while offline', () => {
    vi.useFakeTimers();
    const controller = createPwaController();
    const { worker, registerSW } = fakeRegisterSW();
    controller.connect(registerSW);
    const update = vi.fn(() => Promise.resolve());
    worker.options!.onRegisteredSW!('./sw.js', { update } as unknown as ServiceWorkerRegistration);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    vi.advanceTimersByTime(UPDATE_CHECK_MS - 1);
    expect(update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(update).toHaveBeenCalledTimes(1);
    online.mockReturnValue(false);
    vi.advanceTimersByTime(UPDATE_CHECK_MS);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('tells the console, not the learner, when the worker cannot be registered', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { worker, registerSW } = fakeRegisterSW();
    createPwaController().connect(registerSW);
    worker.options!.onRegisterError!(new Error('SecurityError'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('will not work offline'), expect.any(Error));
  });

  it('does nothing in a browser without service workers', () => {
    expect('serviceWorker' in navigator).toBe(false); // jsdom has none
    const controller = createPwaController();
    const connect = vi.spyOn(controller, 'connect');
    registerServiceWorker(controller);
    expect(connect).not.toHaveBeenCalled();
  });
});
