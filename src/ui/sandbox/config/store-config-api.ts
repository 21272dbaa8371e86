// The Configure panel's view of the sandbox store: the applied world, the run's trace, and the store's
// actions that change the world (each refused or applied as a whole).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SandboxState } from '../../../store/sandbox';
import { validateOnce } from './validate-once';
import type { ConfigApi } from './config-api';

/** A zustand store hook of the sandbox (the app's useSandbox, or one a test made with createSandboxStore). */
export interface SandboxStoreHook {
  <T>(selector: (state: SandboxState) => T): T;
  getState(): SandboxState;
}

const NO_EXCHANGES: ConfigApi['trace'] = [];

export function useStoreConfigApi(store: SandboxStoreHook): ConfigApi {
  const { world, trace, actionCount } = store(useShallow((s) => ({ world: s.doc.world, trace: s.run?.trace ?? NO_EXCHANGES, actionCount: s.doc.actions.length })));
  return useMemo<ConfigApi>(
    () => ({
      world,
      trace,
      actionCount,
      setWorld: (next) => store.getState().setWorld(next),
      validate: validateOnce,
      wouldAllow: (input) => store.getState().wouldAllow(input),
      resetWorld: () => void store.getState().resetWorld(),
      exportJson: () => store.getState().exportJson(),
      importJson: (text) => store.getState().importJson(text),
    }),
    [store, world, trace, actionCount],
  );
}
