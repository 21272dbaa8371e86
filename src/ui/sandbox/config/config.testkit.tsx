// Test helpers for the Configure forms: a real sandbox store (no storage, the real simulator loaded on use,
// the real validateWorld), its ConfigApi as the page makes it, optionally with parts replaced.
import type { ReactElement } from 'react';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorldConfig } from '../../../sim/world/config';
import { createSandboxStore, defaultDoc } from '../../../store/sandbox';
import { ConfigApiContext, type ConfigApi } from './config-api';
import { useStoreConfigApi } from './store-config-api';

export type TestStore = ReturnType<typeof createSandboxStore>;

export function testWorld(change?: (world: WorldConfig) => void): WorldConfig {
  const world = defaultDoc().world;
  change?.(world);
  return world;
}

export function renderConfig(ui: ReactElement, options: { world?: WorldConfig; override?: (api: ConfigApi) => Partial<ConfigApi> } = {}) {
  const store = createSandboxStore({ storage: undefined });
  if (options.world) store.setState({ doc: { ...store.getState().doc, world: options.world } });
  function Harness() {
    const api = useStoreConfigApi(store);
    return <ConfigApiContext.Provider value={{ ...api, ...options.override?.(api) }}>{ui}</ConfigApiContext.Provider>;
  }
  const user = userEvent.setup();
  const view = render(<Harness />);
  return { store, user, ...view, world: () => store.getState().doc.world };
}

/** Lets the store's replay (started by an applied world) finish inside act. */
export async function settle(store: TestStore) {
  await act(() => store.getState().idle());
}
