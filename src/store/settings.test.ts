import { describe, expect, it } from 'vitest';
import { createSettingsStore, readSettings, SETTINGS_KEY, type KeyValueStorage } from './settings';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('settings persistence', () => {
  it('starts by following the system theme', () => {
    expect(readSettings(memoryStorage())).toEqual({ theme: 'system', notice: null });
  });

  it('remembers the chosen theme', () => {
    const storage = memoryStorage();
    createSettingsStore(storage).getState().setTheme('dark');
    expect(createSettingsStore(storage).getState().theme).toBe('dark');
  });

  it.each([
    ['not JSON', '{oops'],
    ['an unknown theme', JSON.stringify({ version: 1, theme: 'purple' })],
    ['another version', JSON.stringify({ version: 99, theme: 'dark' })],
    ['a bare value', '"dark"'],
  ])('recovers from %s with a notice', (_label, raw) => {
    const store = createSettingsStore(memoryStorage({ [SETTINGS_KEY]: raw }));
    expect(store.getState().theme).toBe('system');
    expect(store.getState().notice).toMatch(/could not be read/);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
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
