// #/learn: the scenario library, or the player for #/learn/<scenario-id>/<step>.
import { lazy, Suspense } from 'react';
import { Page } from '../components/page';
import { ScenarioLibrary } from './scenario-library';
import './learn.css';

const Player = lazy(() => import('../player/player'));

export default function LearnPage({ params = [] }: { params?: string[] }) {
  const [scenarioId, stepParam] = params;
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
      <ScenarioLibrary />
    </Page>
  );
}
