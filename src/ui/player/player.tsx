// The player at #/learn/<scenario>/<step>: diagram (or sequence view), controls, narration and inspector
// for one scenario. It renders (run, cursor) from the store; the URL follows the step and a link opens it.
// Its toolbar presents the scenario full screen, shares a link to the step and exports the diagram as an image;
// ?view=presenter (and ?layout=sequence) in the address open it that way.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { SPEEDS, usePlayer } from '../../store/player';
import { scenarioCatalog } from '../../store/catalog';
import { Page } from '../components/page';
import { afterNextPaint } from '../components/after-paint';
import { useReducedMotion } from '../components/use-reduced-motion';
import { readViewOptions, withViewOptions } from '../components/hash-query';
import { DiagramExportButton } from '../export/diagram-export-button';
import { PresenterView } from '../presenter/presenter-view';
import { ShareLinkButton } from '../share/share-link-button';
import { FlowDiagram } from '../flow/flow-diagram';
import { Inspector } from '../inspector/inspector';
import { Controls } from './controls';
import { Narration } from './narration';
import { SequenceView } from './sequence-view';
import { usePlayerKeys } from './use-player-keys';
import { usePlayback } from './use-playback';
import { useStepRenderedMark } from './step-marks';
import './player.css';

export interface PlayerProps {
  scenarioId: string;
  /** 1-based, from the URL. */
  step: number;
}

const stepHref = (scenarioId: string, step: number) => `#/learn/${encodeURIComponent(scenarioId)}/${step}`;

export default function Player({ scenarioId, step }: PlayerProps) {
  const card = scenarioCatalog.find((s) => s.id === scenarioId);
  const { status, run, error, cursor, playing, speed, scenarioId: loadedId } = usePlayer();
  const { load, goTo, next, previous, restart, play, pause, setSpeed, verifyToken } = usePlayer.getState();
  const reducedMotion = useReducedMotion();
  const [view, setView] = useState<'diagram' | 'sequence'>(() => readViewOptions().layout);
  const [presenting, setPresenting] = useState(() => readViewOptions().presenter);
  const [initialTab] = useState(() => readViewOptions().tab);

  // The browser's back and forward may cross into or out of presenter view.
  useEffect(() => {
    const onChange = () => setPresenting(readViewOptions().presenter);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  // The steps this player wrote to the address whose hashchange has not come back yet. The address is written a
  // frame after the step is shown, so a key pressed in between has moved the cursor on by the time the app reads
  // that address back: taking the echo for a link would pull the cursor back a step.
  const echoes = useRef<number[]>([]);

  useEffect(() => {
    echoes.current = [];
    void load(scenarioId);
  }, [load, scenarioId]);

  // URL → store: a link or the browser's back/forward names the step (the player's own writes coming back do not).
  useEffect(() => {
    const echo = echoes.current.indexOf(step);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    goTo(step - 1);
  }, [goTo, step, status]);

  // store → URL: stepping, playing and seeking move the address along (one history entry per step). The address
  // is written once the frame showing the step is painted: writing it, and the hashchange that makes the app
  // read the route again, then never delay that frame (keys pressed faster than frames make one entry).
  useEffect(() => {
    // Only the run of this scenario: right after a link to another scenario, the store still holds the old one's cursor.
    if (status !== 'ready' || loadedId !== scenarioId) return;
    return afterNextPaint(() => {
      const wanted = withViewOptions(stepHref(scenarioId, cursor + 1), { presenter: presenting, layout: view });
      if (window.location.hash === wanted) return;
      const current = window.location.hash.split('?')[0]!;
      // Only the view changed (presenter, layout): no new history entry.
      if (current === stepHref(scenarioId, cursor + 1) || current.split('/').length < 4) window.history.replaceState(null, '', wanted);
      else {
        // An echo only where the step the app read from the address changes (else nothing comes back to skip).
        if (cursor + 1 !== step) echoes.current = [...echoes.current.slice(-7), cursor + 1];
        window.location.hash = wanted;
      }
    });
  }, [cursor, scenarioId, loadedId, status, presenting, view, step]);

  const handlers = useMemo(() => ({ next, previous, restart, togglePlay: () => (usePlayer.getState().playing ? pause() : play()) }), [next, previous, restart, play, pause]);
  usePlayerKeys(handlers, status === 'ready' && !presenting);
  const shareTarget = useMemo(() => ({ kind: 'scenario' as const, scenario: scenarioId, step: cursor, view: { layout: view } }), [scenarioId, cursor, view]);
  usePlayback(playing, speed, next);
  useStepRenderedMark(cursor); // performance marks for .ci/bench/stepping.mjs
  // A newly loaded run is first drawn in a deferred render, which React builds in slices between which the page
  // stays responsive (instead of one long task); until then the loading line stays. Stepping keeps the same run,
  // so steps are never deferred.
  const shownRun = useDeferredValue(run);
  const drawn = status === 'ready' && run !== undefined && shownRun === run;

  if (!card) {
    return (
      <Page title="Scenario not found" lead={`There is no scenario called “${scenarioId}”.`}>
        <p>
          <a href="#/learn">Back to the scenarios</a>
        </p>
      </Page>
    );
  }

  const steps = run?.steps ?? [];
  const current = steps[cursor];
  const exchange = current && run ? run.trace.find((x) => x.id === current.exchangeId) : undefined;
  const nested = exchange && run ? run.trace.filter((x) => x.parentId === exchange.id) : [];

  return (
    <Page title={card.title} lead={card.goal}>
      <p className="player__crumbs">
        <a href="#/learn">All scenarios</a>
        <span className={`badge badge--${card.level}`}>{card.level}</span>
        <span className="muted">{card.services.join(' · ')}</span>
      </p>
      {(status === 'loading' || (status === 'ready' && !drawn)) && (
        <p role="status" className="loading">
          Running the scenario on the simulator…
        </p>
      )}
      {status === 'error' && (
        <div role="alert" className="error-panel">
          <p>The scenario could not run: {error}</p>
          <button type="button" className="button" onClick={() => void load(scenarioId)}>
            Try again
          </button>
        </div>
      )}
      {drawn && run && current && exchange && (
        <div className="player">
          <div className="player__stage">
            <div className="player__toolbar">
              <div className="player__view-toggle" role="group" aria-label="View">
                <button type="button" aria-pressed={view === 'diagram'} onClick={() => setView('diagram')}>
                  Diagram
                </button>
                <button type="button" aria-pressed={view === 'sequence'} onClick={() => setView('sequence')}>
                  Sequence
                </button>
              </div>
              <div className="player__tools">
                <button type="button" className="button button--secondary" aria-haspopup="dialog" onClick={() => setPresenting(true)} title="Present full screen: Page Down / Page Up step, . blanks, Esc leaves">
                  Present
                </button>
                <ShareLinkButton target={shareTarget} />
                <DiagramExportButton trace={run.trace} steps={steps} cursor={cursor} title={card.title} />
              </div>
            </div>
            {view === 'diagram' ? (
              <FlowDiagram trace={run.trace} steps={steps} cursor={cursor} reducedMotion={reducedMotion} speed={speed} />
            ) : (
              <SequenceView trace={run.trace} steps={steps} cursor={cursor} />
            )}
            <Controls
              cursor={cursor}
              total={steps.length}
              playing={playing}
              speed={speed}
              speeds={SPEEDS}
              stepTitles={steps.map((s) => s.title)}
              onRestart={restart}
              onPrevious={previous}
              onNext={next}
              onPlay={play}
              onPause={pause}
              onSpeed={setSpeed}
              onSeek={goTo}
            />
          </div>
          <Narration step={current} number={cursor + 1} total={steps.length} outcome={{ text: scenarioOutcome(scenarioId), met: run.outcomeMet }} />
          <Inspector exchange={exchange} nested={nested} verifyToken={verifyToken} trace={run.trace} {...(initialTab !== undefined ? { initialTab } : {})} />
          {presenting && (
            <PresenterView
              title={card.title}
              trace={run.trace}
              steps={steps}
              cursor={cursor}
              onNext={next}
              onPrevious={previous}
              onGoTo={goTo}
              onExit={() => setPresenting(false)}
              outcome={{ text: scenarioOutcome(scenarioId), met: run.outcomeMet }}
              speed={speed}
            />
          )}
        </div>
      )}
    </Page>
  );
}

function scenarioOutcome(id: string): string {
  return scenarioCatalog.find((s) => s.id === id)?.outcome ?? '';
}
