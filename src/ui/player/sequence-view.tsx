// The same trace as a sequence diagram: a lifeline per actor, and for each step up to the cursor its
// request arrow, any nested calls (indented, dashed), then the answer back, coloured by outcome.
import { useId, useMemo, type CSSProperties } from 'react';
import '../flow/flow.css';
import './sequence-view.css';
import type { Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import { ServiceIcon } from '../flow/service-icons';
import { describeEdge } from '../flow/describe';
import { edgeRef, traceToDiagram, type DiagramEdge } from '../flow/trace-to-diagram';

export interface SequenceViewProps {
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  /** Index of the current step (0-based). */
  cursor: number;
}

interface Row {
  edge: DiagramEdge;
  phase: 'request' | 'response';
}

/** Request rows in call order, each answer after the calls its request made. */
function rowsOf(edges: readonly DiagramEdge[]): Row[] {
  const ids = new Set(edges.map((e) => e.id));
  const walk = (edge: DiagramEdge): Row[] => [
    { edge, phase: 'request' },
    ...edges.filter((e) => e.parentEdgeId === edge.id).flatMap(walk),
    { edge, phase: 'response' },
  ];
  return edges.filter((e) => e.parentEdgeId === undefined || !ids.has(e.parentEdgeId)).flatMap(walk);
}

function arrowText(row: Row): string {
  const { edge } = row;
  if (row.phase === 'request') return edge.label;
  return `${edge.status} ${edge.responseLabel}`;
}

export function SequenceView({ trace, steps, cursor }: SequenceViewProps) {
  const diagram = useMemo(() => traceToDiagram(trace, steps, cursor), [trace, steps, cursor]);
  const { actors, edges, current } = diagram;
  const column = new Map(actors.map((a, i) => [a.id, i]));
  const stepIndexes = [...new Set(edges.map((e) => e.stepIndex))];
  const chartStyle = { '--seq-cols': actors.length } as CSSProperties;
  const captionId = useId();

  return (
    <figure className="seq" aria-labelledby={captionId}>
      <figcaption id={captionId} className="seq__caption">
        Sequence diagram{current ? `: step ${current.number} of ${current.stepCount}` : ''}
      </figcaption>
      <div className="seq__scroll" role="group" aria-label="Sequence diagram, drawn" tabIndex={0}>
        <div className="seq__chart" style={chartStyle} aria-hidden="true">
          {actors.map((actor, i) => (
            <span key={actor.id} className="seq__lifeline" style={{ '--seq-col': i } as CSSProperties} />
          ))}
          <div className="seq__heads">
            {actors.map((actor) => (
              <div key={actor.id} className="seq__head" style={{ '--actor-colour': actor.colour } as CSSProperties}>
                <span className="seq__tile">
                  <ServiceIcon icon={actor.icon} size={18} />
                </span>
                <span className="seq__actor">{actor.label}</span>
              </div>
            ))}
          </div>
          {stepIndexes.map((stepIndex) => {
            const stepEdges = edges.filter((e) => e.stepIndex === stepIndex);
            const isCurrent = stepEdges.some((e) => e.state === 'current');
            return (
              <div key={stepIndex} className={`seq__step${isCurrent ? ' seq__step--current' : ''}`}>
                <div className="seq__step-title">
                  {stepIndex + 1}. {steps[stepIndex]?.title}
                </div>
                {rowsOf(stepEdges).map((row) => {
                  const a = column.get(row.edge.from) ?? 0;
                  const b = column.get(row.edge.to) ?? 0;
                  const [from, to] = row.phase === 'request' ? [a, b] : [b, a];
                  const left = Math.min(from, to);
                  const span = Math.abs(from - to) + 1;
                  const direction = from === to ? 'self' : from < to ? 'right' : 'left';
                  // The text may use the whole width of the columns; the arrow runs lifeline to lifeline.
                  const area = { gridColumn: `${left + 1} / span ${span}` };
                  const style = { ...area, '--span': span } as CSSProperties;
                  const classes = [
                    'seq__arrow',
                    `seq__arrow--${direction}`,
                    `seq__arrow--${row.phase}`,
                    row.phase === 'response' ? `seq__arrow--${row.edge.outcome}` : '',
                    row.edge.nested ? 'seq__arrow--nested' : '',
                  ].filter(Boolean);
                  return (
                    <div key={`${row.edge.id}:${row.phase}`} className="seq__row">
                      <span className={`seq__text seq__text--${row.phase === 'request' ? 'request' : row.edge.outcome}`} style={{ ...area, paddingInlineStart: `${row.edge.depth * 0.75}rem` }}>
                        {row.phase === 'request' && <b className="seq__num">{edgeRef(row.edge)}</b>}
                        {arrowText(row)}
                      </span>
                      <span className={classes.join(' ')} style={style} />
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {edges.length === 0 ? (
        <p className="seq__empty">No exchanges yet.</p>
      ) : (
        <ol className="seq__sr-only" aria-label="Exchanges so far">
          {stepIndexes.map((stepIndex) => {
            const stepEdges = edges.filter((e) => e.stepIndex === stepIndex);
            const [root, ...nested] = stepEdges;
            const isCurrent = stepEdges.some((e) => e.state === 'current');
            return (
              <li key={stepIndex} {...(isCurrent ? { 'aria-current': 'step' as const } : {})}>
                Step {stepIndex + 1}, {steps[stepIndex]?.title}
                {isCurrent ? ' (current)' : ''}: {root ? describeEdge(root) : ''}
                {nested.length > 0 && (
                  <ol>
                    {nested.map((edge) => (
                      <li key={edge.id}>{describeEdge(edge)}</li>
                    ))}
                  </ol>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
