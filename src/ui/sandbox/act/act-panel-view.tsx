// The "Act" half of the sandbox, as a function of plain props: the virtual clock, the app's session, the inbox
// and phone, the learner's actions, the act forms (user pool, hosted UI, identity pool and API, DynamoDB, Break it)
// and the run drawn and inspected as in the player. ActPanel (./act-panel.tsx) feeds it from the sandbox store.
import { useEffect, useId, useRef, useState } from 'react';
import type { SandboxAction, SandboxRun } from '../../../content/sandbox/actions';
import type { WorldConfig } from '../../../sim/world/config';
import type { TokenVerification } from '../../../store/player';
import { ActTabs } from './act-tabs';
import { ActionLog } from './action-log';
import { BreakIt, type WorldIssueLike } from './break-it';
import { ClockControls } from './clock-controls';
import { faultInfo, withFault, type FaultId } from './faults';
import { HostedUiForm, type ProviderAccount } from './hosted-ui-form';
import { Inbox, SessionView } from './inbox';
import { DynamoForm, CredentialsForm, ApiForm } from './resource-forms';
import { RunTrace } from './run-trace';
import { UserPoolForms, type DemoUser } from './user-pool-forms';
import './act.css';
import { ActIntro } from '../region-intros';

export interface ActPanelViewProps {
  world: WorldConfig;
  actions: readonly SandboxAction[];
  run: SandboxRun | null;
  /** The virtual time when no run exists yet (the document's start time). */
  startTime: number;
  cursor: number;
  busy: boolean;
  demoUsers: readonly DemoUser[];
  providerAccounts: readonly ProviderAccount[];
  act(action: SandboxAction): Promise<void>;
  undoLast(): void;
  clearActions(): void;
  goTo(step: number): void;
  setWorld(world: WorldConfig): WorldIssueLike[] | Promise<WorldIssueLike[]>;
  verifyToken(token: string, at: number): Promise<TokenVerification>;
}

export function ActPanelView(props: ActPanelViewProps) {
  const { world, actions, run, cursor, busy } = props;
  const headingId = useId();
  const [armed, setArmed] = useState<FaultId | null>(null);
  const [playing, setPlaying] = useState(false);
  const stepsBefore = useRef<number | null>(null);
  const steps = run?.steps ?? [];
  const session = run?.session;

  // The new steps of an action play one after the other, as a scenario does (the store put the cursor on the first).
  useEffect(() => {
    if (stepsBefore.current === null) return;
    if (steps.length - stepsBefore.current > 1) setPlaying(true);
    stepsBefore.current = null;
  }, [steps.length]);

  async function send(action: SandboxAction) {
    if (busy) return;
    let sent = action;
    if (armed) {
      const faulty = withFault(action, armed);
      if (faulty) {
        sent = faulty;
        setArmed(null);
      }
    }
    setPlaying(false);
    stepsBefore.current = steps.length;
    await props.act(sent);
  }

  const onAct = (action: SandboxAction) => void send(action);
  const common = { busy, onAct };

  return (
    <section className="act" aria-labelledby={headingId}>
      <ActIntro headingId={headingId} />
      <div className="act__status">
        <ClockControls now={session?.now ?? props.startTime} busy={busy} onAdvance={(ms) => void send({ kind: 'advance-clock', ms })} />
        <SessionView session={session} />
        <Inbox messages={run?.messages ?? []} />
      </div>
      <div className="act__work">
        <div className="act__forms">
          {armed && (
            <p role="status" className="act-armed">
              <strong>Armed for the next call:</strong> {faultInfo(armed).label}.{' '}
              <button type="button" className="button button--secondary" onClick={() => setArmed(null)}>
                Disarm
              </button>
            </p>
          )}
          <ActTabs
            label="Actions"
            tabs={[
              {
                label: 'User pool',
                content: <UserPoolForms {...common} demoUsers={props.demoUsers} pendingChallenge={session?.challenge?.name} sessionUser={lastSignedUp(actions) ?? session?.username} />,
              },
              { label: 'Hosted UI', content: <HostedUiForm {...common} accounts={props.providerAccounts} /> },
              {
                label: 'Identity pool and API',
                content: (
                  <div className="act-cards">
                    <CredentialsForm {...common} />
                    <ApiForm {...common} world={world} />
                  </div>
                ),
              },
              {
                label: 'DynamoDB',
                content: (
                  <div className="act-cards">
                    <DynamoForm {...common} world={world} identityId={session?.identityId} />
                  </div>
                ),
              },
              { label: 'Break it', content: <BreakIt busy={busy} armed={armed} onArm={setArmed} world={world} onSetWorld={props.setWorld} /> },
            ]}
          />
          {busy && (
            <p role="status" className="muted">
              The simulator is working…
            </p>
          )}
        </div>
        <ActionLog actions={actions} steps={steps} problems={run?.problems ?? []} busy={busy} onGoTo={props.goTo} onUndo={props.undoLast} onClear={props.clearActions} />
      </div>
      <RunTrace trace={run?.trace ?? []} steps={steps} cursor={cursor} playing={playing} onPlayingChange={setPlaying} onGoTo={props.goTo} verifyToken={props.verifyToken} />
    </section>
  );
}

/** The username of the latest sign-up, the one a confirmation is most likely for. */
function lastSignedUp(actions: readonly SandboxAction[]): string | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const a = actions[i]!;
    if (a.kind === 'sign-up') return a.username;
  }
  return undefined;
}
