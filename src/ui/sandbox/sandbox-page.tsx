// The sandbox at #/sandbox: the same simulator and player as the scenarios, driven by hand. Two regions:
// Configure (the world: user pool, clients, identity pool, roles and policies, tables, API, load balancer)
// and Act (the learner plays the app and its browser; each request is drawn and inspected). The heading and
// the two regions' headings and leads come first; the workspace (the store, the simulator's UI) loads after them.
import { Page } from '../components/page';
import { PaintFirst } from '../components/paint-first';
import { preloadSimulator } from '../../store/simulator-preload';
import { ActIntro, ConfigureIntro } from './region-intros';

// The workspace runs the simulator at once: its code starts downloading with the workspace's, not after it.
const loadWorkspace = () => {
  preloadSimulator();
  return import('./sandbox-workspace');
};

export default function SandboxPage() {
  return (
    <Page
      title="Sandbox"
      lead="Build your own world — user pool, app clients, identity pool, roles and policies — then act as the app against it, and break things on purpose to see how each service refuses."
    >
      <PaintFirst
        load={loadWorkspace}
        placeholder={
          // The regions' text as the workspace will show it (not yet landmarks: there is nothing in them to use).
          <div className="sandbox-layout">
            <div className="sandbox-layout__region sandbox-layout__region--configure">
              <div className="config">
                <ConfigureIntro />
                <p className="loading" role="status">
                  Loading the sandbox…
                </p>
              </div>
            </div>
            <div className="sandbox-layout__region sandbox-layout__region--act">
              <div className="act">
                <ActIntro />
              </div>
            </div>
          </div>
        }
      >
        {({ default: SandboxWorkspace }) => <SandboxWorkspace />}
      </PaintFirst>
    </Page>
  );
}
