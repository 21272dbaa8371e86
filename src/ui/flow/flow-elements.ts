// From the diagram to React Flow: one node per actor, one edge per pair of actors (its past step numbers
// as badges, the current exchange's labels), and the timetable of the chips that travel the current step.
// Node and edge data hold only view data and ids, never callbacks.
import type { Edge, Node } from '@xyflow/react';
import type { ActorId } from '../../sim/index';
import type { IconKey } from './actors';
import { NODE_HEIGHT, NODE_WIDTH, edgeGeometry, type Point } from './edge-geometry';
import type { Outcome } from './exchange-labels';
import { bundleEdges, edgeRef, type Diagram, type DiagramActor } from './trace-to-diagram';

export type ActorRole = 'idle' | 'involved' | 'active';

export type ActorNodeData = {
  label: string;
  service: string;
  colour: string;
  icon: IconKey;
  role: ActorRole;
};
export type ActorNodeType = Node<ActorNodeData, 'actor'>;

export interface PastBadge {
  id: string;
  ref: string;
  title: string;
  outcome: Outcome;
  nested: boolean;
}

export interface CurrentLabel {
  ref: string;
  requestLabel: string;
  responseLabel: string;
  outcome: Outcome;
  /** Arrows that point the way the request and the answer went, as seen on screen. */
  requestArrow: string;
  responseArrow: string;
  /** "nested in #4" for a call made while handling step 4. */
  nestedIn?: string;
  /** When the labels appear (after the chips have travelled); 0 shows them at once. */
  revealMs: number;
}

export type ExchangeEdgeData = {
  path: string;
  reversePath: string;
  mid: Point;
  labelSide: 'above' | 'right';
  nested: boolean;
  badges: PastBadge[];
  current?: CurrentLabel & { forward: boolean };
  markerId: string;
};
export type ExchangeEdgeType = Edge<ExchangeEdgeData, 'exchange'>;

export interface Chip {
  key: string;
  label: string;
  phase: 'request' | 'response';
  outcome: Outcome;
  path: string;
  delayMs: number;
  durationMs: number;
}

/** How long one chip takes at speed 1; a step with many calls shares a budget that fits between steps. */
const LEG_MS = 900;
const STEP_BUDGET_MS = 2000;
const LEAD_IN_MS = 120;

export function legDuration(legCount: number, speed: number): number {
  const perLeg = Math.min(LEG_MS, STEP_BUDGET_MS / Math.max(1, legCount));
  return Math.round(perLeg / (speed > 0 ? speed : 1));
}

function arrow(from: Point, to: Point): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? '→' : '←';
  return dy >= 0 ? '↓' : '↑';
}

export interface FlowElements {
  nodes: ActorNodeType[];
  edges: ExchangeEdgeType[];
  chips: Chip[];
}

export function flowElements(diagram: Diagram, options: { reducedMotion: boolean; speed: number; markerId: string }): FlowElements {
  const actorById = new Map<ActorId, DiagramActor>(diagram.actors.map((a) => [a.id, a]));
  const active = new Set(diagram.edges.filter((e) => e.state === 'current').flatMap((e) => [e.from, e.to]));
  const involved = new Set(diagram.edges.flatMap((e) => [e.from, e.to]));

  const nodes: ActorNodeType[] = diagram.actors.map((a) => ({
    id: a.id,
    type: 'actor',
    position: { x: a.x, y: a.y },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: {
      label: a.label,
      service: a.service,
      colour: a.colour,
      icon: a.icon,
      role: active.has(a.id) ? 'active' : involved.has(a.id) ? 'involved' : 'idle',
    },
    draggable: false,
    connectable: false,
    selectable: false,
    focusable: false,
  }));

  // The chips' timetable: each leg starts when the previous one has arrived.
  const legs = diagram.current?.legs ?? [];
  const duration = legDuration(legs.length, options.speed);
  const legEnd = new Map<string, number>();
  legs.forEach((leg, i) => legEnd.set(`${leg.edgeId}:${leg.phase}`, LEAD_IN_MS + (i + 1) * duration));

  const pathFor = new Map<string, { path: string; reversePath: string; forwardFrom: ActorId }>();
  const edges: ExchangeEdgeType[] = [];
  for (const bundle of bundleEdges(diagram)) {
    const a = actorById.get(bundle.a);
    const b = actorById.get(bundle.b);
    if (!a || !b) continue;
    const geometry = edgeGeometry(a, b);
    pathFor.set(bundle.id, { path: geometry.path, reversePath: geometry.reversePath, forwardFrom: bundle.a });
    const currentEdge = bundle.edges.find((e) => e.state === 'current');
    let current: ExchangeEdgeData['current'];
    if (currentEdge) {
      const from = actorById.get(currentEdge.from) ?? a;
      const to = actorById.get(currentEdge.to) ?? b;
      current = {
        ref: edgeRef(currentEdge),
        requestLabel: currentEdge.label,
        responseLabel: currentEdge.responseLabel,
        outcome: currentEdge.outcome,
        requestArrow: arrow(from, to),
        responseArrow: arrow(to, from),
        ...(currentEdge.nested ? { nestedIn: `nested in #${currentEdge.number}` } : {}),
        revealMs: options.reducedMotion ? 0 : (legEnd.get(`${currentEdge.id}:response`) ?? 0),
        forward: currentEdge.from === bundle.a,
      };
    }
    edges.push({
      id: bundle.id,
      type: 'exchange',
      source: bundle.a,
      target: bundle.b,
      zIndex: bundle.hasCurrent ? 1 : 0,
      selectable: false,
      focusable: false,
      data: {
        path: geometry.path,
        reversePath: geometry.reversePath,
        mid: geometry.mid,
        labelSide: geometry.labelSide,
        nested: bundle.nested,
        badges: bundle.edges
          .filter((e) => e.state === 'past')
          .map((e) => ({
            id: e.id,
            ref: edgeRef(e),
            title: `#${edgeRef(e)} ${e.label} → ${e.responseLabel}${e.nested ? ` (nested in #${e.number})` : ''}`,
            outcome: e.outcome,
            nested: e.nested,
          })),
        ...(current ? { current } : {}),
        markerId: options.markerId,
      },
    });
  }

  const chips: Chip[] = [];
  if (!options.reducedMotion) {
    legs.forEach((leg, i) => {
      const bundleId = edges.find((e) => (e.source === leg.from && e.target === leg.to) || (e.source === leg.to && e.target === leg.from))?.id;
      const paths = bundleId === undefined ? undefined : pathFor.get(bundleId);
      if (!paths) return;
      chips.push({
        key: `${leg.edgeId}:${leg.phase}`,
        label: leg.label,
        phase: leg.phase,
        outcome: leg.outcome,
        path: leg.from === paths.forwardFrom ? paths.path : paths.reversePath,
        delayMs: LEAD_IN_MS + i * duration,
        durationMs: duration,
      });
    });
  }
  return { nodes, edges, chips };
}
