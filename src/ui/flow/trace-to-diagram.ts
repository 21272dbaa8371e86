// The diagram as data: a pure function of (trace, steps, cursor) giving the actors laid out in columns,
// one edge per exchange up to the cursor (earlier steps 'past', the cursor's step 'current', later steps
// not drawn at all, so the picture never shows what has not happened yet), and the current exchange's
// request and response chips in the order they travel. React Flow and the sequence view only draw this.
import type { ActorId, Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import { CLIENT_ACTORS, actorInfo, type IconKey } from './actors';
import { outcomeOf, requestLabel, responseLabel, type Outcome } from './exchange-labels';

/** Distance between columns and between actors stacked in one column, in flow units (centre to centre). */
export const COLUMN_GAP = 320;
export const ROW_GAP = 150;

export interface DiagramActor {
  id: ActorId;
  label: string;
  service: string;
  colour: string;
  icon: IconKey;
  /** Centre of the actor's box, in flow units. */
  x: number;
  y: number;
  column: number;
}

export type EdgeState = 'past' | 'current';

export interface DiagramEdge {
  /** The exchange's id. */
  id: string;
  from: ActorId;
  to: ActorId;
  /** Index of the step this exchange belongs to (a nested call belongs to its top-level exchange's step). */
  stepIndex: number;
  /** 1-based step number. */
  number: number;
  /** For a nested call: its 1-based rank among its step's nested calls ("4.1"). */
  subNumber?: number;
  /** Request chip: the operation and what it carries. */
  label: string;
  /** Response chip: what came back, or AWS's error code. */
  responseLabel: string;
  state: EdgeState;
  outcome: Outcome;
  status: number;
  nested: boolean;
  parentEdgeId?: string;
  /** 0 for a step's own exchange, 1 for a call it made, and so on. */
  depth: number;
}

/** One chip's trip: a request from sender to receiver, or a response back. */
export interface Leg {
  edgeId: string;
  phase: 'request' | 'response';
  from: ActorId;
  to: ActorId;
  label: string;
  outcome: Outcome;
}

export interface CurrentExchange {
  edgeId: string;
  stepIndex: number;
  number: number;
  stepCount: number;
  operation: string;
  requestLabel: string;
  responseLabel: string;
  from: ActorId;
  to: ActorId;
  fromLabel: string;
  toLabel: string;
  outcome: Outcome;
  status: number;
  /** Every chip of the step in travel order: the request, each nested call out and back, then the response. */
  legs: Leg[];
}

export interface Diagram {
  actors: DiagramActor[];
  /** Exchanges of the steps up to the cursor, in trace order. */
  edges: DiagramEdge[];
  current?: CurrentExchange;
  stepCount: number;
}

/** "4" for a step's own exchange, "4.1" for the first call it made. */
export const edgeRef = (edge: Pick<DiagramEdge, 'number' | 'subNumber'>): string =>
  edge.subNumber === undefined ? String(edge.number) : `${edge.number}.${edge.subNumber}`;

/** Finds, for every exchange, the step it belongs to: its own, or its top-level ancestor's. */
function stepOfExchange(trace: readonly Exchange[], steps: readonly ScenarioStep[]): Map<string, number> {
  const byId = new Map(trace.map((x) => [x.id, x]));
  const stepByRoot = new Map(steps.map((s, i) => [s.exchangeId, i]));
  const result = new Map<string, number>();
  for (const exchange of trace) {
    let root: Exchange | undefined = exchange;
    const seen = new Set<string>();
    while (root?.parentId !== undefined && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.parentId);
    }
    const step = root ? stepByRoot.get(root.id) : undefined;
    if (step !== undefined) result.set(exchange.id, step);
  }
  return result;
}

function layOut(ids: readonly ActorId[]): DiagramActor[] {
  const infos = ids.map((id, firstSeen) => ({ id, firstSeen, info: actorInfo(id) }));
  const ranks = [...new Set(infos.map((a) => a.info.rank))].sort((a, b) => a - b);
  return ranks.flatMap((rank, column) => {
    const stack = infos.filter((a) => a.info.rank === rank).sort((a, b) => a.info.order - b.info.order || a.firstSeen - b.firstSeen);
    return stack.map(({ id, info }, row) => ({
      id,
      label: info.label,
      service: info.service,
      colour: info.colour,
      icon: info.icon,
      x: column * COLUMN_GAP,
      y: (row - (stack.length - 1) / 2) * ROW_GAP,
      column,
    }));
  });
}

function depthOf(exchange: Exchange, byId: Map<string, Exchange>): number {
  let depth = 0;
  let parentId = exchange.parentId;
  while (parentId !== undefined && depth < byId.size) {
    depth++;
    parentId = byId.get(parentId)?.parentId;
  }
  return depth;
}

/** The chips of one step in travel order: a depth-first walk of its exchange and the calls it made. */
function legsOf(rootId: string, edges: readonly DiagramEdge[]): Leg[] {
  const children = (id: string) => edges.filter((e) => e.parentEdgeId === id);
  const walk = (edge: DiagramEdge, seen: Set<string>): Leg[] => {
    if (seen.has(edge.id)) return [];
    seen.add(edge.id);
    const leg = (phase: Leg['phase']): Leg => ({
      edgeId: edge.id,
      phase,
      from: phase === 'request' ? edge.from : edge.to,
      to: phase === 'request' ? edge.to : edge.from,
      label: phase === 'request' ? edge.label : edge.responseLabel,
      outcome: edge.outcome,
    });
    return [leg('request'), ...children(edge.id).flatMap((child) => walk(child, seen)), leg('response')];
  };
  const root = edges.find((e) => e.id === rootId);
  return root ? walk(root, new Set()) : [];
}

export function traceToDiagram(trace: readonly Exchange[], steps: readonly ScenarioStep[], cursor: number): Diagram {
  const stepOf = stepOfExchange(trace, steps);
  const inSteps = trace.filter((x) => stepOf.has(x.id));

  // Every actor of the whole scenario is placed from the start, so boxes never move while stepping.
  const ids: ActorId[] = [];
  for (const x of inSteps) for (const id of [x.from, x.to]) if (!ids.includes(id)) ids.push(id);
  if (!ids.some((id) => CLIENT_ACTORS.includes(id))) ids.unshift('app');
  const actors = layOut(ids).sort((a, b) => a.x - b.x || a.y - b.y);

  const stepCount = steps.length;
  if (stepCount === 0) return { actors, edges: [], stepCount };
  const at = Math.max(0, Math.min(Math.trunc(cursor) || 0, stepCount - 1));

  const byId = new Map(trace.map((x) => [x.id, x]));
  const nestedCount = new Map<number, number>();
  const edges: DiagramEdge[] = [];
  for (const x of inSteps) {
    const stepIndex = stepOf.get(x.id)!;
    if (stepIndex > at) continue;
    const nested = x.parentId !== undefined;
    const subNumber = nested ? (nestedCount.get(stepIndex) ?? 0) + 1 : undefined;
    if (subNumber !== undefined) nestedCount.set(stepIndex, subNumber);
    edges.push({
      id: x.id,
      from: x.from,
      to: x.to,
      stepIndex,
      number: stepIndex + 1,
      ...(subNumber !== undefined ? { subNumber } : {}),
      label: requestLabel(x),
      responseLabel: responseLabel(x),
      state: stepIndex === at ? 'current' : 'past',
      outcome: outcomeOf(x),
      status: x.response.status,
      nested,
      ...(x.parentId !== undefined ? { parentEdgeId: x.parentId } : {}),
      depth: depthOf(x, byId),
    });
  }

  const rootId = steps[at]?.exchangeId;
  const root = edges.find((e) => e.id === rootId);
  const exchange = rootId === undefined ? undefined : byId.get(rootId);
  if (!root || !exchange) return { actors, edges, stepCount };
  const current: CurrentExchange = {
    edgeId: root.id,
    stepIndex: at,
    number: root.number,
    stepCount,
    operation: exchange.operation,
    requestLabel: root.label,
    responseLabel: root.responseLabel,
    from: root.from,
    to: root.to,
    fromLabel: actorInfo(root.from).label,
    toLabel: actorInfo(root.to).label,
    outcome: root.outcome,
    status: root.status,
    legs: legsOf(root.id, edges),
  };
  return { actors, edges, current, stepCount };
}

/** Edges between the same two actors (either way), drawn as one line with their step numbers on it. */
export interface EdgeBundle {
  id: string;
  /** The pair, in the diagram's actor order (left to right, top to bottom). */
  a: ActorId;
  b: ActorId;
  edges: DiagramEdge[];
  /** Every exchange on this line is a nested call. */
  nested: boolean;
  hasCurrent: boolean;
}

export function bundleEdges(diagram: Pick<Diagram, 'actors' | 'edges'>): EdgeBundle[] {
  const rank = new Map(diagram.actors.map((a, i) => [a.id, i]));
  const bundles = new Map<string, EdgeBundle>();
  for (const edge of diagram.edges) {
    const [a, b] = (rank.get(edge.from) ?? 0) <= (rank.get(edge.to) ?? 0) ? [edge.from, edge.to] : [edge.to, edge.from];
    const id = `${a}~${b}`;
    const bundle = bundles.get(id) ?? { id, a, b, edges: [], nested: true, hasCurrent: false };
    bundle.edges.push(edge);
    bundle.nested &&= edge.nested;
    bundle.hasCurrent ||= edge.state === 'current';
    bundles.set(id, bundle);
  }
  return [...bundles.values()];
}
