// Learner settings (for now the theme), kept in localStorage under a versioned key.
// Whatever is found there, the app starts and the learner is told what happened: a damaged value is replaced by
// the defaults (saved back, so the notice shows once); a value from an older format keeps what it can (its theme)
// and is saved in the current one; a value from a newer version is left alone for that version while this one
// uses the defaults; and a choice the browser refuses to store (storage full, or blocked) still applies for the
// visit, with a notice. This module stays tiny: the shell loads it on the first page.
import { create } from 'zustand';

export type ThemePreference = 'system' | 'light' | 'dark';

export interface SettingsState {
  theme: ThemePreference;
  /** A message for the learner about their saved state (e.g. it was corrupted and reset). */
  notice: string | null;
  setTheme(theme: ThemePreference): void;
  dismissNotice(): void;
}

export const SETTINGS_KEY = 'cognito-lab:settings';
const SETTINGS_VERSION = 1;

interface SavedSettings {
  version: typeof SETTINGS_VERSION;
  theme: ThemePreference;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isTheme(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

export const SETTINGS_NOTICES = {
  damaged: 'Your saved settings could not be read (they were damaged), so the defaults were restored.',
  older: 'Your saved settings came from an older version of Cognito Lab and were brought up to date.',
  newer: 'Your saved settings were made by a newer version of Cognito Lab, so this page uses the defaults and leaves them as they are.',
  full: "Your theme could not be saved: this browser's storage for the site is full. It applies until you close this page.",
  refused: 'Your theme could not be saved: the browser refused to store it (private browsing may do this). It applies until you close this page.',
} as const;

/** True for the errors browsers throw when localStorage is full (as src/store/quiz-progress.ts reads them). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export interface ReadSettings {
  theme: ThemePreference;
  notice: string | null;
  /** True when the stored value should be replaced by the current format (damaged or older). */
  rewrite: boolean;
}

export function readSettings(storage: KeyValueStorage | undefined): ReadSettings {
  const defaults = { theme: 'system' as const, notice: null, rewrite: false };
  if (!storage) return defaults;
  let raw: string | null;
  try {
    raw = storage.getItem(SETTINGS_KEY);
  } catch {
    return defaults;
  }
  if (raw === null) return defaults;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { theme: 'system', notice: SETTINGS_NOTICES.damaged, rewrite: true };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { theme: 'system', notice: SETTINGS_NOTICES.damaged, rewrite: true };
  }
  const { version, theme } = parsed as { version?: unknown; theme?: unknown };
  if (version === SETTINGS_VERSION) {
    return isTheme(theme) ? { theme, notice: null, rewrite: false } : { theme: 'system', notice: SETTINGS_NOTICES.damaged, rewrite: true };
  }
  if (typeof version === 'number' && Number.isFinite(version) && version > SETTINGS_VERSION) {
    return { theme: 'system', notice: SETTINGS_NOTICES.newer, rewrite: false };
  }
  if (version === undefined || (typeof version === 'number' && Number.isInteger(version) && version >= 0)) {
    // An older format (before versioning, or a lower version): keep its theme when it names one we know.
    return { theme: isTheme(theme) ? theme : 'system', notice: SETTINGS_NOTICES.older, rewrite: true };
  }
  return { theme: 'system', notice: SETTINGS_NOTICES.damaged, rewrite: true };
}

/** Saves the settings; returns null, or a notice when the browser refused. */
export function writeSettings(storage: KeyValueStorage | undefined, theme: ThemePreference): string | null {
  const saved: SavedSettings = { version: SETTINGS_VERSION, theme };
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(saved));
    return null;
  } catch (error) {
    return isQuotaError(error) ? SETTINGS_NOTICES.full : SETTINGS_NOTICES.refused;
  }
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function createSettingsStore(storage: KeyValueStorage | undefined = browserStorage()) {
  const { theme, notice, rewrite } = readSettings(storage);
  // Recovered or upgraded: store it in the current format now (a failure here is told on the next choice).
  if (rewrite) writeSettings(storage, theme);
  return create<SettingsState>()((set) => ({
    theme,
    notice,
    setTheme(next) {
      const failed = writeSettings(storage, next);
      set(failed ? { theme: next, notice: failed } : { theme: next });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));
}

export const useSettings = createSettingsStore();
