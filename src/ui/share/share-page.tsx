// Opens a shared link: #/share/<payload> (a scenario step) and #/sandbox/share/<payload> (a sandbox). The payload is
// decoded in the browser; a scenario opens at its step (#/learn/<id>/<n>), a sandbox is loaded into the sandbox and
// opens at its step, after asking for any password the link left out. A refused link says why, with a way back.
import { useEffect, useState, type FormEvent } from 'react';
import type { SandboxAction, ShareTarget } from '../../store/sandbox';
import { Page } from '../components/page';
import { withViewOptions } from '../components/hash-query';
import './share.css';

type SandboxTarget = Extract<ShareTarget, { kind: 'sandbox' }>;

type State = { kind: 'opening' } | { kind: 'refused'; reason: string } | { kind: 'passwords'; target: SandboxTarget; missing: number[] };
/** What was found for a payload: a state for another payload reads as "opening". */
type Found = Exclude<State, { kind: 'opening' }> & { payload: string };

function viewOptions(target: ShareTarget) {
  return { presenter: target.view.presenter ?? false, layout: target.view.layout, ...(target.view.tab ? { tab: target.view.tab } : {}) };
}

export function scenarioHref(target: Extract<ShareTarget, { kind: 'scenario' }>): string {
  return withViewOptions(`#/learn/${encodeURIComponent(target.scenario)}/${target.step + 1}`, viewOptions(target));
}

export function sandboxHref(target: SandboxTarget): string {
  return withViewOptions('#/sandbox', viewOptions(target));
}

function describeAction(action: SandboxAction | undefined): string {
  if (!action || !('username' in action)) return 'An action';
  switch (action.kind) {
    case 'sign-up':
      return `Sign up as ${action.username}`;
    case 'sign-in':
      return `Sign in as ${action.username} (${action.flow})`;
    case 'hosted-ui-sign-in':
      return `Sign in on the hosted UI as ${action.username}${action.provider === 'COGNITO' ? '' : ` with ${action.provider}`}`;
    default:
      return `${action.kind} as ${action.username}`;
  }
}

function Passwords({ target, missing }: { target: SandboxTarget; missing: number[] }) {
  const [values, setValues] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent, withPasswords: boolean) => {
    event.preventDefault();
    setBusy(true);
    const { useSandbox } = await import('../../store/sandbox');
    if (withPasswords) {
      for (const index of missing) {
        const password = values[index];
        if (password) await useSandbox.getState().providePassword(index, password);
      }
    }
    // providePassword replays from the start: come back to the shared step.
    useSandbox.getState().goTo(target.step);
    window.location.replace(sandboxHref(target));
  };
  return (
    <Page title="Passwords left out of this link" lead="Whoever shared this sandbox left its passwords out. Type each one to replay that action as they did; an action without its password makes no request.">
      <form className="share-page__passwords" onSubmit={(e) => void submit(e, true)}>
        {missing.map((index) => (
          <label key={index}>
            {`Action ${index + 1}: ${describeAction(target.doc.actions[index])}`}
            <input type="password" autoComplete="off" value={values[index] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [index]: e.target.value }))} />
          </label>
        ))}
        <div className="share-page__actions">
          <button type="submit" className="button" disabled={busy}>
            Replay with these passwords
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={(e) => void submit(e, false)}>
            Open without them
          </button>
        </div>
      </form>
    </Page>
  );
}

export default function SharePage({ params = [] }: { params?: string[] }) {
  const payload = params[0] ?? '';
  const [found, setFound] = useState<Found | null>(null);
  const state: State = found && found.payload === payload ? found : { kind: 'opening' };

  useEffect(() => {
    let live = true;
    const setState = (next: Exclude<State, { kind: 'opening' }>) => setFound({ ...next, payload });
    (async () => {
      const { decodeShare, useSandbox } = await import('../../store/sandbox');
      const decoded = await decodeShare(payload);
      if (!live) return;
      if (!decoded.ok) {
        setState({ kind: 'refused', reason: decoded.reason });
        return;
      }
      const target = decoded.target;
      if (target.kind === 'scenario') {
        window.location.replace(scenarioHref(target));
        return;
      }
      await useSandbox.getState().loadShared(target);
      if (!live) return;
      const missing = useSandbox.getState().missingPasswords();
      if (missing.length > 0) setState({ kind: 'passwords', target, missing });
      else window.location.replace(sandboxHref(target));
    })().catch((error: unknown) => {
      if (live) setState({ kind: 'refused', reason: `The link could not be opened: ${error instanceof Error ? error.message : String(error)}` });
    });
    return () => {
      live = false;
    };
  }, [payload]);

  if (state.kind === 'opening') {
    return (
      <p role="status" className="loading">
        Opening the shared link…
      </p>
    );
  }
  if (state.kind === 'passwords') return <Passwords target={state.target} missing={state.missing} />;
  return (
    <Page title="This link could not be opened">
      <div role="alert" className="error-panel">
        <p className="share-page__reason">{state.reason}</p>
        <p>Ask whoever shared it for a new link, or carry on from here:</p>
        <p className="error-panel__actions">
          <a href="#/learn">Go to the scenarios</a>
          <a href="#/sandbox">Open the sandbox</a>
        </p>
      </div>
    </Page>
  );
}
