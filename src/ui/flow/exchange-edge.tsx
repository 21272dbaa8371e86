// The line between two actors: faint with the numbers of earlier steps, or highlighted with an arrow and
// the current exchange's request and answer; dashed when every call on it is nested in another.
import type { CSSProperties } from 'react';
import { EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { ExchangeEdgeType } from './flow-elements';

export function ExchangeEdge({ data }: EdgeProps<ExchangeEdgeType>) {
  if (!data) return null;
  const { current, badges, nested, mid } = data;
  const line = current ? (current.forward ? data.path : data.reversePath) : data.path;
  const state = current ? 'current' : 'past';
  // Above a horizontal line, beside a vertical one: never over the line or its arrowhead.
  const anchor = data.labelSide === 'right' ? 'translate(10px, -50%)' : 'translate(-50%, calc(-100% - 8px))';
  const labelStyle: CSSProperties = { transform: `translate(${mid.x}px, ${mid.y}px) ${anchor}` };
  const revealStyle = current && current.revealMs > 0 ? ({ '--flow-reveal-delay': `${current.revealMs}ms` } as CSSProperties) : undefined;
  return (
    <>
      {current && <path className="flow-edge__glow" d={line} fill="none" />}
      <path
        className={`flow-edge__line flow-edge__line--${state}${nested ? ' flow-edge__line--nested' : ''}`}
        d={line}
        fill="none"
        {...(current ? { markerEnd: `url(#${data.markerId})` } : {})}
      />
      <EdgeLabelRenderer>
        <div className={`flow-edge__label flow-edge__label--${state}`} style={labelStyle} aria-hidden="true">
          {badges.length > 0 && (
            <span className="flow-edge__badges">
              {badges.map((badge) => (
                <span
                  key={badge.id}
                  className={`flow-badge flow-badge--${badge.outcome}${badge.nested ? ' flow-badge--nested' : ''}`}
                  title={badge.title}
                >
                  {badge.ref}
                </span>
              ))}
            </span>
          )}
          {current && (
            <span className={`flow-edge__current${current.revealMs > 0 ? ' flow-edge__current--reveal' : ''}`} style={revealStyle}>
              <span className="flow-edge__request">
                <span className="flow-badge flow-badge--current">{current.ref}</span>
                {current.requestLabel} {current.requestArrow}
              </span>
              <span className={`flow-edge__response flow-edge__response--${current.outcome}`}>
                {current.responseArrow} {current.responseLabel}
              </span>
              {current.nestedIn && <span className="flow-edge__nested">{current.nestedIn}</span>}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
