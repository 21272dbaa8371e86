// The sandbox at #/sandbox: the same simulator and player as the scenarios, driven by hand. Two regions:
// Configure (the world: user pool, clients, identity pool, roles and policies, tables, API, load balancer)
// and Act (the learner plays the app and its browser; each request is drawn and inspected). The heading
// comes first; the workspace (the store, the simulator's UI) loads after it.
import { lazy } from 'react';
import { Page } from '../components/page';
import { PaintFirst } from '../components/paint-first';
import { preloadSimulator } from '../../store/simulator-preload';

// The workspace runs the simulator at once: its code starts downloading with the workspace's, not after it.
const SandboxWorkspace = lazy(() => {
  preloadSimulator();
  return import('./sandbox-workspace');
});

export default function SandboxPage() {
  return (
    <Page
      title="Sandbox"
      lead="Build your own world — user pool, app clients, identity pool, roles and policies — then act as the app against it, and break things on purpose to see how each service refuses."
    >
      <PaintFirst
        placeholder={
          <p className="loading" role="status">
            Loading the sandbox…
          </p>
        }
      >
        <SandboxWorkspace />
      </PaintFirst>
    </Page>
  );
}
