// The lab's requests so far, drawn as the player draws a scenario: the steps as a list to pick from, the
// diagram (or sequence view) up to the chosen step, its narration, and the inspector on its exchange.
import { useId, useState } from 'react';
import type { Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import type { TokenVerification } from '../../store/player';
import { FlowDiagram } from '../flow/flow-diagram';
import { SequenceView } from '../player/sequence-view';
import { Narration } from '../player/narration';
import { Inspector } from '../inspector/inspector';
import { useReducedMotion } from '../components/use-reduced-motion';
import '../player/player.css';

export interface LabTraceProps {
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  cursor: number;
  onSelect(step: number): void;
  verifyToken(token: string, at: number): Promise<TokenVerification>;
}

function statusOf(exchange: Exchange | undefined): string {
  if (!exchange) return '';
  if (exchange.response.status < 400) return String(exchange.response.status);
  try {
    const type = (JSON.parse(exchange.response.body ?? '{}') as { __type?: unknown }).__type;
    return typeof type === 'string' ? `${exchange.response.status} ${type}` : String(exchange.response.status);
  } catch {
    return String(exchange.response.status);
  }
}

export function LabTrace({ trace, steps, cursor, onSelect, verifyToken }: LabTraceProps) {
  const headingId = useId();
  const reducedMotion = useReducedMotion();
  const [view, setView] = useState<'diagram' | 'sequence'>('diagram');
  const byId = new Map(trace.map((x) => [x.id, x]));
  const current = steps[cursor];
  const exchange = current ? byId.get(current.exchangeId) : undefined;
  const nested = exchange ? trace.filter((x) => x.parentId === exchange.id) : [];

  return (
    <section className="totp-lab__trace" aria-labelledby={headingId}>
      <div className="totp-lab__heading-row">
        <h2 id={headingId}>On the wire</h2>
        <div className="player__view-toggle" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'diagram'} onClick={() => setView('diagram')}>
            Diagram
          </button>
          <button type="button" aria-pressed={view === 'sequence'} onClick={() => setView('sequence')}>
            Sequence
          </button>
        </div>
      </div>
      <ol className="totp-lab__steps" aria-label="Steps so far">
        {steps.map((s, i) => (
          <li key={s.exchangeId}>
            <button type="button" className="totp-lab__step" aria-current={i === cursor ? 'step' : undefined} onClick={() => onSelect(i)}>
              {s.title}
            </button>{' '}
            <span className="totp-lab__status-code">{statusOf(byId.get(s.exchangeId))}</span>
          </li>
        ))}
      </ol>
      {view === 'diagram' ? (
        <FlowDiagram trace={trace} steps={steps} cursor={cursor} reducedMotion={reducedMotion} speed={1} />
      ) : (
        <SequenceView trace={trace} steps={steps} cursor={cursor} />
      )}
      {/* Mounted before the first step, so that step's narration is announced too. */}
      <Narration step={current} number={cursor + 1} total={steps.length} level={3} />
      {exchange && <Inspector exchange={exchange} nested={nested} verifyToken={verifyToken} trace={trace} />}
    </section>
  );
}
