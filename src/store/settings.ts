// Learner settings (for now the theme), kept in localStorage under a versioned key.
// A saved value that cannot be read is replaced by the defaults and a notice is raised,
// so a corrupted entry never breaks the app and the learner is told what happened.
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

export function readSettings(storage: KeyValueStorage | undefined): { theme: ThemePreference; notice: string | null } {
  const defaults = { theme: 'system' as const, notice: null };
  if (!storage) return defaults;
  let raw: string | null;
  try {
    raw = storage.getItem(SETTINGS_KEY);
  } catch {
    return defaults;
  }
  if (raw === null) return defaults;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' && parsed !== null &&
      (parsed as { version?: unknown }).version === SETTINGS_VERSION &&
      isTheme((parsed as { theme?: unknown }).theme)
    ) {
      return { theme: (parsed as SavedSettings).theme, notice: null };
    }
  } catch {
    // fall through to the recovery below
  }
  return { theme: 'system', notice: 'Your saved settings could not be read, so the defaults were restored.' };
}

function writeSettings(storage: KeyValueStorage | undefined, theme: ThemePreference): void {
  const saved: SavedSettings = { version: SETTINGS_VERSION, theme };
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(saved));
  } catch {
    // storage full or blocked (private mode): the setting still applies for this visit
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
  const initial = readSettings(storage);
  return create<SettingsState>()((set) => ({
    ...initial,
    setTheme(theme) {
      writeSettings(storage, theme);
      set({ theme });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));
}

export const useSettings = createSettingsStore();
