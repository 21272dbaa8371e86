// #/learn: the scenario library, or the player for #/learn/<scenario-id>/<step>, or a live lab (#/learn/lab/totp).
import { lazy, Suspense } from 'react';
import { Page } from '../components/page';
import { ScenarioLibrary } from './scenario-library';
import { LiveLabs } from '../mfa/live-labs';
import { isTotpLab } from '../mfa/lab-route';
import './learn.css';

const Player = lazy(() => import('../player/player'));
const TotpLab = lazy(() => import('../mfa/totp-lab-page'));

export default function LearnPage({ params = [] }: { params?: string[] }) {
  const [scenarioId, stepParam] = params;
  if (isTotpLab(params)) {
    return (
      <Suspense fallback={<p role="status" className="loading">Loading the lab…</p>}>
        <TotpLab />
      </Suspense>
    );
  }
  if (scenarioId) {
    const step = Number.parseInt(stepParam ?? '1', 10);
    return (
      <Suspense fallback={<p role="status" className="loading">Loading the player…</p>}>
        <Player scenarioId={scenarioId} step={Number.isFinite(step) && step > 0 ? step : 1} />
      </Suspense>
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
