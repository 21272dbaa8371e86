// Where an edge runs, in flow units: from the border of one actor's box to the border of the other's,
// straight between neighbouring columns and arched over any column in between, so a line never runs
// through a box it does not belong to. Pure, so the chips and the labels can share one path.
export const NODE_WIDTH = 148;
export const NODE_HEIGHT = 104;
/** Gap left between a box and the end of a line (room for the arrowhead). */
const CLEARANCE = 6;
/** How far above a box's centre an arch passes over it. */
const ARCH_CLEARANCE = NODE_HEIGHT / 2 + 24;

export interface Point {
  x: number;
  y: number;
}

export interface Placed extends Point {
  column: number;
}

export interface EdgeGeometry {
  /** SVG path from the first actor to the second… */
  path: string;
  /** …and back, for answers and for arrows that point the other way. */
  reversePath: string;
  start: Point;
  end: Point;
  /** The middle of the line… */
  mid: Point;
  /** …and the side of it the label sits on, so the line and its arrowhead stay visible. */
  labelSide: 'above' | 'right';
}

const round = (n: number) => Math.round(n * 10) / 10;
const fmt = (p: Point) => `${round(p.x)} ${round(p.y)}`;

/** Where a ray from a box's centre towards `toward` leaves the box (plus the clearance). */
export function borderPoint(centre: Point, toward: Point): Point {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const halfW = NODE_WIDTH / 2 + CLEARANCE;
  const halfH = NODE_HEIGHT / 2 + CLEARANCE;
  const scale = Math.min(dx === 0 ? Infinity : halfW / Math.abs(dx), dy === 0 ? Infinity : halfH / Math.abs(dy));
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

/** A point of the quadratic Bézier p0 → c → p1 at t. */
const bezier = (p0: Point, c: Point, p1: Point, t: number): Point => ({
  x: (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * c.x + t ** 2 * p1.x,
  y: (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * c.y + t ** 2 * p1.y,
});

export function edgeGeometry(a: Placed, b: Placed): EdgeGeometry {
  if (a.x === b.x && a.y === b.y) {
    // A call to itself: a loop above the box.
    const top = a.y - NODE_HEIGHT / 2 - CLEARANCE;
    const start = { x: a.x - 24, y: top };
    const end = { x: a.x + 24, y: top };
    const path = `M ${fmt(start)} C ${fmt({ x: a.x - 40, y: top - 60 })} ${fmt({ x: a.x + 40, y: top - 60 })} ${fmt(end)}`;
    const reversePath = `M ${fmt(end)} C ${fmt({ x: a.x + 40, y: top - 60 })} ${fmt({ x: a.x - 40, y: top - 60 })} ${fmt(start)}`;
    return { path, reversePath, start, end, mid: { x: a.x, y: top - 45 }, labelSide: 'above' };
  }
  if (Math.abs(a.column - b.column) <= 1) {
    const start = borderPoint(a, b);
    const end = borderPoint(b, a);
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    const labelSide = Math.abs(end.y - start.y) > Math.abs(end.x - start.x) ? 'right' : 'above';
    return { path: `M ${fmt(start)} L ${fmt(end)}`, reversePath: `M ${fmt(end)} L ${fmt(start)}`, start, end, mid, labelSide };
  }
  // Over the columns in between: arch upwards just enough that the line clears the first box it passes
  // (a quadratic's height a column in from either end is 4·(1/n)·(1 − 1/n) of its apex, n columns apart).
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  let nx = dy / length;
  let ny = -dx / length;
  if (ny > 0) {
    nx = -nx;
    ny = -ny;
  }
  const n = Math.abs(a.column - b.column);
  // An end lower in its column (stacked actors) starts the arch lower: lift it by half the difference.
  const lift = Math.min(Math.max((ARCH_CLEARANCE * n * n) / (4 * (n - 1)), 90), 200) + Math.abs(dy) / 2;
  // The control point of a quadratic lies twice as far out as the curve's apex.
  const control = { x: (a.x + b.x) / 2 + nx * lift * 2, y: (a.y + b.y) / 2 + ny * lift * 2 };
  const start = borderPoint(a, control);
  const end = borderPoint(b, control);
  const mid = bezier(start, control, end, 0.5);
  return {
    path: `M ${fmt(start)} Q ${fmt(control)} ${fmt(end)}`,
    reversePath: `M ${fmt(end)} Q ${fmt(control)} ${fmt(start)}`,
    start,
    end,
    mid,
    labelSide: 'above',
  };
}
