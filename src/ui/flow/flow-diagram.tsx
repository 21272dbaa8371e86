// The flow diagram: the trace up to the cursor drawn with React Flow, read-only. Earlier steps are faint
// numbered lines; the current step's request chip travels to the receiver and its answer travels back,
// coloured by outcome (with reduced motion, the labels simply sit on the highlighted line).
// Screen readers get the picture in words beside it: the current exchange, then every exchange so far in order
// (who called whom, the operation and AWS's answer); the step's narration is announced by the player.
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import { ReactFlow, ViewportPortal, useReactFlow, useStore, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './flow.css';
import type { Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import { ActorNode } from './actor-node';
import { ExchangeEdge } from './exchange-edge';
import { flowElements, type ActorNodeType, type Chip, type ExchangeEdgeType } from './flow-elements';
import { keepUnchanged, type Kept } from './keep-unchanged';
import { FRAME_PADDING, frameFor } from './framing';
import { describeEdge, diagramName } from './describe';
import { traceToDiagram, type Diagram } from './trace-to-diagram';

export interface FlowDiagramProps {
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  /** Index of the current step (0-based). */
  cursor: number;
  /** No travelling chips: the current edge is highlighted with its labels shown at once. */
  reducedMotion: boolean;
  /** Playback speed (1 = normal); the chips travel faster as it rises. */
  speed: number;
}

const nodeTypes = { actor: ActorNode } satisfies NodeTypes;
const edgeTypes = { exchange: ExchangeEdge } satisfies EdgeTypes;
const NODE_ORIGIN: [number, number] = [0.5, 0.5];
// The diagram is one image to assistive technology, so it may hold no link: React Flow is credited on the About page.
const PRO_OPTIONS = { hideAttribution: true };

/** Frames the viewport: the whole diagram, or (when that would be too small to read) the current step. */
function Framing({ diagram, edges, reducedMotion }: { diagram: Diagram; edges: readonly ExchangeEdgeType[]; reducedMotion: boolean }) {
  const { fitBounds } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Node sizes are fixed and known, so framing needs only the pane's size and its zoom behaviour.
  const ready = useStore((s) => s.panZoom !== null);
  const framed = useRef(false);
  const frame = useMemo(() => frameFor(diagram, edges, { width, height }), [diagram, edges, width, height]);
  useEffect(() => {
    if (!ready || !frame || width <= 0 || height <= 0) return;
    // The first framing is instant; later ones glide along when following the steps.
    const duration = framed.current && frame.follows && !reducedMotion ? 450 : 0;
    framed.current = true;
    void fitBounds(frame.rect, { padding: FRAME_PADDING, duration });
  }, [fitBounds, frame, ready, width, height, reducedMotion]);
  return null;
}

/** The diagram in words: the current exchange, then every exchange so far (nested calls under their step). */
function ExchangesInWords({ diagram }: { diagram: Diagram }) {
  const id = useId();
  const { current } = diagram;
  const currentEdges = diagram.edges.filter((e) => e.state === 'current');
  const inOrder = useMemo(() => [...diagram.edges].sort((a, b) => a.number - b.number || (a.subNumber ?? 0) - (b.subNumber ?? 0)), [diagram.edges]);
  if (!current) return <p>No exchanges yet.</p>;
  return (
    <>
      <p id={`${id}-current`}>
        Current exchange, step {current.number} of {current.stepCount}:
      </p>
      <ol aria-labelledby={`${id}-current`}>
        {currentEdges.map((edge) => (
          <li key={edge.id}>{describeEdge(edge)}</li>
        ))}
      </ol>
      <p id={`${id}-all`}>All exchanges so far:</p>
      <ol aria-labelledby={`${id}-all`}>
        {inOrder.map((edge) => (
          <li key={edge.id}>{describeEdge(edge)}</li>
        ))}
      </ol>
    </>
  );
}

function TravellingChips({ chips }: { chips: readonly Chip[] }) {
  return (
    <div className="flow-chips" aria-hidden="true">
      {chips.map((chip) => {
        const style: CSSProperties = {
          offsetPath: `path('${chip.path}')`,
          animationDelay: `${chip.delayMs}ms`,
          animationDuration: `${chip.durationMs}ms`,
        };
        return (
          <div key={chip.key} data-travelling-chip="" className={`flow-chip flow-chip--${chip.phase} flow-chip--${chip.outcome}`} style={style}>
            {chip.label}
          </div>
        );
      })}
    </div>
  );
}

export function FlowDiagram({ trace, steps, cursor, reducedMotion, speed }: FlowDiagramProps) {
  const markerId = `flow-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const diagram = useMemo(() => traceToDiagram(trace, steps, cursor), [trace, steps, cursor]);
  // Last step's nodes and edges, so that React Flow redraws only what a step changes (keep-unchanged.ts).
  const [kept] = useState(() => ({ nodes: new Map() as Kept<ActorNodeType>, edges: new Map() as Kept<ExchangeEdgeType> }));
  const { nodes, edges, chips } = useMemo(() => {
    const elements = flowElements(diagram, { reducedMotion, speed, markerId });
    return { nodes: keepUnchanged(kept.nodes, elements.nodes), edges: keepUnchanged(kept.edges, elements.edges), chips: elements.chips };
  }, [diagram, reducedMotion, speed, markerId, kept]);
  // A new key restarts the chips' animation whenever the step (or the scenario) changes.
  const chipsKey = `${trace.length}:${trace[0]?.at ?? 0}:${diagram.current?.edgeId ?? ''}:${diagram.current?.stepIndex ?? ''}:${speed}`;

  return (
    <div className="flow">
      <div className="flow__canvas" role="img" aria-label={diagramName(diagram)}>
        <svg className="flow__defs" aria-hidden="true" focusable="false" width="0" height="0">
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M0 0 L10 5 L0 10 z" className="flow__arrowhead" />
            </marker>
          </defs>
        </svg>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodeOrigin={NODE_ORIGIN}
          minZoom={0.2}
          maxZoom={1.1}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          panOnDrag={false}
          panOnScroll={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          disableKeyboardA11y
          proOptions={PRO_OPTIONS}
          style={{ width: '100%', height: '100%' }}
        >
          <Framing diagram={diagram} edges={edges} reducedMotion={reducedMotion} />
          {chips.length > 0 && (
            <ViewportPortal>
              <TravellingChips key={chipsKey} chips={chips} />
            </ViewportPortal>
          )}
        </ReactFlow>
      </div>
      <div className="flow__sr-only">
        <ExchangesInWords diagram={diagram} />
      </div>
    </div>
  );
}
