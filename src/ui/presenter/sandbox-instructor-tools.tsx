// The instructor's tools for the sandbox page: present the current run full screen, share a link to the whole
// sandbox at its step, export the diagram as an image and the world as a CloudFormation template. The sandbox
// page places it; ?view=presenter in the address (a shared link's "open in presenter view") opens the presenter.
import { useMemo, useState } from 'react';
import { useSandbox, type ShareTarget } from '../../store/sandbox';
import { readViewOptions } from '../components/hash-query';
import { CloudFormationExportButton } from '../export/cloudformation-export-button';
import { DiagramExportButton } from '../export/diagram-export-button';
import { ShareLinkButton } from '../share/share-link-button';
import { PresenterView } from './presenter-view';

export function SandboxInstructorTools() {
  const doc = useSandbox((s) => s.doc);
  const run = useSandbox((s) => s.run);
  const cursor = useSandbox((s) => s.cursor);
  const [presenting, setPresenting] = useState(() => readViewOptions().presenter);
  const steps = run?.steps ?? [];
  const at = Math.max(0, Math.min(cursor, steps.length - 1));
  const target = useMemo<ShareTarget>(() => ({ kind: 'sandbox', doc, step: at, view: { layout: 'diagram' } }), [doc, at]);
  const { next, previous, goTo } = useSandbox.getState();

  const leave = () => {
    setPresenting(false);
    // A shared link's ?view=presenter has done its work: leave the address as the plain sandbox.
    if (readViewOptions().presenter) window.history.replaceState(null, '', '#/sandbox');
  };

  return (
    <div className="player__tools sandbox-instructor-tools" role="group" aria-label="Present, share and export">
      <button type="button" className="button button--secondary" aria-haspopup="dialog" disabled={steps.length === 0} onClick={() => setPresenting(true)} title="Present the run full screen: Page Down / Page Up step, . blanks, Esc leaves">
        Present
      </button>
      <ShareLinkButton target={target} />
      {run && steps.length > 0 && <DiagramExportButton trace={run.trace} steps={steps} cursor={at} title="Cognito Lab sandbox" />}
      <CloudFormationExportButton world={doc.world} fileName="cognito-lab-sandbox.yaml" />
      {presenting && run && steps.length > 0 && (
        <PresenterView title="Sandbox" trace={run.trace} steps={steps} cursor={at} onNext={next} onPrevious={previous} onGoTo={goTo} onExit={leave} />
      )}
    </div>
  );
}
