// The update prompt wired to the service worker's registration (src/app/pwa.ts).
import { useSyncExternalStore } from 'react';
import { UpdatePrompt } from '../ui/components/update-prompt';
import { pwa as defaultController, type PwaController } from './pwa';

export function PwaPrompt({ controller = defaultController }: { controller?: PwaController }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  return <UpdatePrompt needRefresh={state.needRefresh} offlineReady={state.offlineReady} onReload={controller.reload} onDismiss={controller.dismiss} />;
}
