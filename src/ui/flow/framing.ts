// What the diagram's viewport should show: every actor when they all fit at a readable size, otherwise
// the actors and lines of the current step (the camera follows the step), as on a phone or in long flows.
import { NODE_HEIGHT, NODE_WIDTH } from './edge-geometry';
import type { ExchangeEdgeType } from './flow-elements';
import type { Diagram } from './trace-to-diagram';

/** Below this zoom, node labels drop under about 10 px: follow the current step instead. */
export const READABLE_ZOOM = 0.7;
/** Room kept around the framed area, as a share of the viewport. */
export const FRAME_PADDING = 0.08;
/** Height kept above a line for its label (badges and the current exchange's two lines). */
const LABEL_ROOM = 86;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function union(points: readonly { x: number; y: number }[]): Rect | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function boundsOf(diagram: Diagram, edges: readonly ExchangeEdgeType[], actorIds: ReadonlySet<string> | undefined): Rect | undefined {
  const actors = diagram.actors.filter((a) => !actorIds || actorIds.has(a.id));
  const corners = actors.flatMap((a) => [
    { x: a.x - NODE_WIDTH / 2, y: a.y - NODE_HEIGHT / 2 },
    { x: a.x + NODE_WIDTH / 2, y: a.y + NODE_HEIGHT / 2 },
  ]);
  const labels = edges
    .filter((e) => !actorIds || (actorIds.has(e.source) && actorIds.has(e.target)))
    .flatMap((e) => (e.data ? [{ x: e.data.mid.x, y: e.data.mid.y - LABEL_ROOM }] : []));
  return union([...corners, ...labels]);
}

export const zoomToFit = (rect: Rect, viewport: { width: number; height: number }): number =>
  Math.min(viewport.width / (rect.width * (1 + 2 * FRAME_PADDING) || 1), viewport.height / (rect.height * (1 + 2 * FRAME_PADDING) || 1));

/** The area to frame, and whether it is the whole diagram or the current step only. */
export function frameFor(
  diagram: Diagram,
  edges: readonly ExchangeEdgeType[],
  viewport: { width: number; height: number },
): { rect: Rect; follows: boolean } | undefined {
  const all = boundsOf(diagram, edges, undefined);
  if (!all) return undefined;
  if (zoomToFit(all, viewport) >= READABLE_ZOOM || !diagram.current) return { rect: all, follows: false };
  const stepActors = new Set(diagram.edges.filter((e) => e.state === 'current').flatMap((e) => [e.from, e.to]));
  const focus = boundsOf(diagram, edges, stepActors);
  return focus ? { rect: focus, follows: true } : { rect: all, follows: false };
}
