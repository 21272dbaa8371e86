import { describe, expect, it } from 'vitest';
import { createSettingsStore, readSettings, SETTINGS_KEY, SETTINGS_NOTICES, type KeyValueStorage } from './settings';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('settings persistence', () => {
  it('starts by following the system theme', () => {
    expect(readSettings(memoryStorage())).toEqual({ theme: 'system', notice: null, rewrite: false });
  });

  it('remembers the chosen theme', () => {
    const storage = memoryStorage();
    createSettingsStore(storage).getState().setTheme('dark');
    expect(createSettingsStore(storage).getState().theme).toBe('dark');
  });

  it.each([
    ['not JSON', '{oops'],
    ['an unknown theme', JSON.stringify({ version: 1, theme: 'purple' })],
    ['a bare value', '"dark"'],
    ['an array', '[1]'],
    ['a version that is not a number', JSON.stringify({ version: 'one', theme: 'dark' })],
  ])('recovers from %s: the defaults, a notice, and the defaults saved so the notice shows once', (_label, raw) => {
    const storage = memoryStorage({ [SETTINGS_KEY]: raw });
    const store = createSettingsStore(storage);
    expect(store.getState().theme).toBe('system');
    expect(store.getState().notice).toBe(SETTINGS_NOTICES.damaged);
    expect(JSON.parse(storage.data[SETTINGS_KEY]!)).toEqual({ version: 1, theme: 'system' });
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
    expect(createSettingsStore(storage).getState().notice).toBeNull();
  });

  describe('an older schema', () => {
    it.each([
      ['unversioned, with a theme', { theme: 'dark' }, 'dark'],
      ['version 0, with a theme', { version: 0, theme: 'light' }, 'light'],
      ['unversioned, with a theme this version does not know', { theme: 'sepia', fontSize: 14 }, 'system'],
    ])('%s: keeps what it can, says so, and saves it in the current format', (_label, saved, theme) => {
      const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify(saved) });
      const store = createSettingsStore(storage);
      expect(store.getState().theme).toBe(theme);
      expect(store.getState().notice).toBe(SETTINGS_NOTICES.older);
      expect(JSON.parse(storage.data[SETTINGS_KEY]!)).toEqual({ version: 1, theme });
      expect(createSettingsStore(storage).getState()).toMatchObject({ theme, notice: null });
    });
  });

  it('a newer version: the defaults for this page, a notice, and the newer value left for that version', () => {
    const saved = JSON.stringify({ version: 2, theme: 'dark', contrast: 'high' });
    const storage = memoryStorage({ [SETTINGS_KEY]: saved });
    const store = createSettingsStore(storage);
    expect(store.getState()).toMatchObject({ theme: 'system', notice: SETTINGS_NOTICES.newer });
    expect(storage.data[SETTINGS_KEY]).toBe(saved);
  });

  it('storage full: the theme applies for the visit, with a notice, and nothing is half-written', () => {
    const storage = memoryStorage();
    const full: KeyValueStorage = {
      getItem: storage.getItem,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const store = createSettingsStore(full);
    store.getState().setTheme('dark');
    expect(store.getState()).toMatchObject({ theme: 'dark', notice: SETTINGS_NOTICES.full });
    expect(storage.data[SETTINGS_KEY]).toBeUndefined();
    store.getState().dismissNotice();
    store.getState().setTheme('light');
    expect(store.getState()).toMatchObject({ theme: 'light', notice: SETTINGS_NOTICES.full });
  });

  it('a refused write that is not about space says the browser refused', () => {
    const blocked: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    const store = createSettingsStore(blocked);
    store.getState().setTheme('dark');
    expect(store.getState()).toMatchObject({ theme: 'dark', notice: SETTINGS_NOTICES.refused });
  });

  it('keeps working when storage throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => { throw new Error('blocked'); },
      setItem: () => { throw new Error('blocked'); },
    };
    const store = createSettingsStore(broken);
    store.getState().setTheme('light');
    expect(store.getState().theme).toBe('light');
  });
});
