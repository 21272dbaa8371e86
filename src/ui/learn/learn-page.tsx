// #/learn: the scenario library, or the player for #/learn/<scenario-id>/<step>, or a live lab (#/learn/lab/totp).
import { Page } from '../components/page';
import { PaintFirst } from '../components/paint-first';
import { ScenarioLibrary } from './scenario-library';
import { LiveLabs } from '../mfa/live-labs';
import { isTotpLab, TOTP_LAB_LEAD, TOTP_LAB_TITLE } from '../mfa/lab-route';
import { scenarioCatalog } from '../../store/catalog';
import { preloadSimulator } from '../../store/simulator-preload';
import './learn.css';

// Both run the simulator as soon as they mount: its code starts downloading with theirs, not after it.
const loadPlayer = () => {
  preloadSimulator();
  return import('../player/player');
};
const loadTotpLab = () => {
  preloadSimulator();
  return import('../mfa/totp-lab-page');
};

/** The page's heading and goal (when known) with a loading line, shown until the page's own code has loaded. */
function Loading({ title, lead, what }: { title?: string; lead?: string; what: string }) {
  const status = (
    <p role="status" className="loading">
      Loading the {what}…
    </p>
  );
  return title ? (
    <Page title={title} lead={lead}>
      {status}
    </Page>
  ) : (
    status
  );
}

export default function LearnPage({ params = [] }: { params?: string[] }) {
  const [scenarioId, stepParam] = params;
  if (isTotpLab(params)) {
    return (
      <PaintFirst placeholder={<Loading title={TOTP_LAB_TITLE} lead={TOTP_LAB_LEAD} what="lab" />} load={loadTotpLab}>
        {({ default: TotpLab }) => <TotpLab />}
      </PaintFirst>
    );
  }
  if (scenarioId) {
    const step = Number.parseInt(stepParam ?? '1', 10);
    const card = scenarioCatalog.find((s) => s.id === scenarioId);
    return (
      <PaintFirst placeholder={<Loading title={card?.title} lead={card?.goal} what="player" />} load={loadPlayer}>
        {({ default: Player }) => <Player scenarioId={scenarioId} step={Number.isFinite(step) && step > 0 ? step : 1} />}
      </PaintFirst>
    );
  }
  return (
    <Page
      title="Learn"
      lead="Pick a scenario and step through it: every arrow is a real request the simulated AWS services handled, with the HTTP, the tokens and the decisions behind it."
    >
      <LiveLabs />
      <ScenarioLibrary />
    </Page>
  );
}
