// The run drawn as the player draws a scenario: the diagram (or sequence view) up to the cursor, the player's
// controls (Previous/Next, play, speed, timeline) and keys, the narration (announced), and the inspector on the
// current step's exchange. The UI is a function of (trace, cursor): stepping back only moves the cursor.
import { useId, useMemo, useState } from 'react';
import type { Exchange } from '../../../sim/index';
import type { SandboxStep } from '../../../content/sandbox/actions';
import { SPEEDS, type Speed, type TokenVerification } from '../../../store/player';
import { FlowDiagram } from '../../flow/flow-diagram';
import { Inspector } from '../../inspector/inspector';
import { useReducedMotion } from '../../components/use-reduced-motion';
import { Controls } from '../../player/controls';
import { Narration } from '../../player/narration';
import { SequenceView } from '../../player/sequence-view';
import { usePlayerKeys } from '../../player/use-player-keys';
import { usePlayback } from '../../player/use-playback';
import '../../player/player.css';

export interface RunTraceProps {
  trace: readonly Exchange[];
  steps: readonly SandboxStep[];
  cursor: number;
  playing: boolean;
  onPlayingChange(playing: boolean): void;
  onGoTo(step: number): void;
  verifyToken(token: string, at: number): Promise<TokenVerification>;
}

export function RunTrace({ trace, steps, cursor, playing, onPlayingChange, onGoTo, verifyToken }: RunTraceProps) {
  const headingId = useId();
  const reducedMotion = useReducedMotion();
  const [view, setView] = useState<'diagram' | 'sequence'>('diagram');
  const [speed, setSpeed] = useState<Speed>(1);
  const last = steps.length - 1;
  const at = Math.max(0, Math.min(cursor, last));

  const handlers = useMemo(() => {
    const goTo = (step: number) => {
      const target = Math.max(0, Math.min(step, last));
      if (target >= last) onPlayingChange(false);
      onGoTo(target);
    };
    return {
      goTo,
      next: () => goTo(at + 1),
      previous: () => goTo(at - 1),
      restart: () => {
        onPlayingChange(false);
        onGoTo(0);
      },
      togglePlay: () => {
        if (playing) onPlayingChange(false);
        else {
          if (at >= last) onGoTo(0);
          onPlayingChange(true);
        }
      },
    };
  }, [at, last, playing, onGoTo, onPlayingChange]);
  usePlayerKeys(handlers, steps.length > 0);
  usePlayback(playing && at < last, speed, handlers.next);

  const current = steps[at];
  const exchange = current ? trace.find((x) => x.id === current.exchangeId) : undefined;
  const nested = useMemo(() => (exchange ? trace.filter((x) => x.parentId === exchange.id) : []), [trace, exchange]);

  return (
    <section className="act-trace" aria-labelledby={headingId}>
      <div className="act-trace__heading">
        <h3 id={headingId} className="act-group__title">
          On the wire
        </h3>
        {steps.length > 0 && (
          <div className="player__view-toggle" role="group" aria-label="View">
            <button type="button" aria-pressed={view === 'diagram'} onClick={() => setView('diagram')}>
              Diagram
            </button>
            <button type="button" aria-pressed={view === 'sequence'} onClick={() => setView('sequence')}>
              Sequence
            </button>
          </div>
        )}
      </div>
      {/* The narration stays mounted from the start, so the first request's narration is announced too. */}
      <div className={current && exchange ? 'player' : undefined}>
        {current && exchange && (
          <div className="player__stage">
            {view === 'diagram' ? (
              <FlowDiagram trace={trace} steps={steps} cursor={at} reducedMotion={reducedMotion} speed={speed} />
            ) : (
              <SequenceView trace={trace} steps={steps} cursor={at} />
            )}
            <Controls
              cursor={at}
              total={steps.length}
              playing={playing}
              speed={speed}
              speeds={SPEEDS}
              stepTitles={steps.map((s) => s.title)}
              onRestart={handlers.restart}
              onPrevious={handlers.previous}
              onNext={handlers.next}
              onPlay={handlers.togglePlay}
              onPause={() => onPlayingChange(false)}
              onSpeed={setSpeed}
              onSeek={handlers.goTo}
            />
          </div>
        )}
        <Narration
          step={exchange ? current : undefined}
          number={at + 1}
          total={steps.length}
          level={4}
          empty={<p className="muted">No request yet. Act as the app with the forms: every request it makes becomes a step here, drawn and inspected as in a scenario.</p>}
        />
        {current && exchange && <Inspector exchange={exchange} nested={nested} verifyToken={verifyToken} trace={trace} />}
      </div>
    </section>
  );
}
