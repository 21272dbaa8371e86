// The sandbox's Act panel, fed by the sandbox store: the learner acts as the app and its browser, each action runs
// on the store's simulator, and its requests play in the player's diagram and land in the inspector.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEMO_ACCOUNTS, useSandbox } from '../../../store/sandbox';
import type { TokenVerification } from '../../../store/player';
import { ActPanelView } from './act-panel-view';
import type { ProviderAccount } from './hosted-ui-form';
import type { DemoUser } from './user-pool-forms';

type VerifyToken = (token: string, at: number) => Promise<TokenVerification>;

const demoUsers: readonly DemoUser[] = DEMO_ACCOUNTS.userPool.map((u) => ({ username: u.username, password: u.password }));

const providerAccounts: readonly ProviderAccount[] = [
  ...DEMO_ACCOUNTS.userPool.map((u) => ({ provider: 'COGNITO' as const, username: u.username, password: u.password })),
  ...DEMO_ACCOUNTS.Google.map((a) => ({ provider: 'Google' as const, username: a.username, password: a.password, note: a.name })),
  ...DEMO_ACCOUNTS.Facebook.map((a) => ({ provider: 'Facebook' as const, username: a.username, password: a.password, note: a.name })),
  ...DEMO_ACCOUNTS.CorpAD.map((a) => ({ provider: 'CorpAD' as const, username: a.username, password: a.password, note: a.name })),
];

/** The store checks tokens against the sandbox's own user pool keys, read without a request (see src/store/sandbox.ts). */
const verifyToken: VerifyToken = (token, at) => useSandbox.getState().verifyToken(token, at);

export function ActPanel() {
  const { doc, run, status, cursor } = useSandbox(useShallow((s) => ({ doc: s.doc, run: s.run, status: s.status, cursor: s.cursor })));
  const { start, act, undoLast, clearActions, goTo, setWorld } = useSandbox.getState();

  useEffect(() => {
    void start();
  }, [start]);

  return (
    <ActPanelView
      world={doc.world}
      actions={doc.actions}
      run={run}
      startTime={doc.startTime}
      cursor={cursor}
      busy={status === 'running'}
      demoUsers={demoUsers}
      providerAccounts={providerAccounts}
      act={act}
      undoLast={() => void undoLast()}
      clearActions={() => void clearActions()}
      goTo={goTo}
      setWorld={setWorld}
      verifyToken={verifyToken}
    />
  );
}
