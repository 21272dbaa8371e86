/// <reference types="vite-plugin-pwa/vanillajs" />
// The service worker's registration and what the update prompt shows. The registration code (vite-plugin-pwa's
// `virtual:pwa-register`, which itself loads workbox-window) is imported only after the page has loaded, so it
// costs the first page nothing. registerType is 'prompt': a new version installs in the background and waits;
// the learner chooses when to reload (a reload in the middle of an exam would lose the attempt).
import type { RegisterSWOptions } from 'virtual:pwa-register';

export interface PwaState {
  /** A new version is installed and waiting: offer "Reload". */
  needRefresh: boolean;
  /** The first install finished: the app now works offline. */
  offlineReady: boolean;
}

export type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** How often an open page asks the host for a new sw.js (the browser also checks on each navigation). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface PwaController {
  getState(): PwaState;
  subscribe(listener: () => void): () => void;
  /** Wires the callbacks of a `registerSW` (the real one, or a test's). */
  connect(registerSW: RegisterSW): void;
  /** Activates the waiting version; the page reloads once it controls it. */
  reload(): Promise<void>;
  dismiss(): void;
}

export function createPwaController(): PwaController {
  let state: PwaState = { needRefresh: false, offlineReady: false };
  const listeners = new Set<() => void>();
  let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;
  const set = (patch: Partial<PwaState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect(registerSW) {
      updateServiceWorker = registerSW({
        onNeedRefresh: () => set({ needRefresh: true, offlineReady: false }),
        onOfflineReady: () => set({ offlineReady: true }),
        onRegisteredSW(_url, registration) {
          if (!registration) return;
          // A tab left open for days still hears of a new deployment. Offline, the check fails quietly.
          setInterval(() => {
            if (navigator.onLine) registration.update().catch(() => undefined);
          }, UPDATE_CHECK_MS);
        },
        onRegisterError(error: unknown) {
          // The app works without it (private windows, file:// and some hosts refuse service workers).
          console.warn('Cognito Lab could not register its service worker, so it will not work offline:', error);
        },
      });
    },
    async reload() {
      await updateServiceWorker?.(true);
    },
    dismiss: () => set({ needRefresh: false, offlineReady: false }),
  };
}

export const pwa = createPwaController();

/** Registers the service worker once the page has loaded (production builds; browsers that have them). */
export function registerServiceWorker(controller: PwaController = pwa): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const start = () => {
    import('virtual:pwa-register').then(
      ({ registerSW }) => controller.connect(registerSW),
      (error: unknown) => console.warn('Cognito Lab could not load its service worker registration:', error),
    );
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
