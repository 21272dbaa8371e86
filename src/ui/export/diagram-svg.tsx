// The current step's diagram as a standalone SVG for slides: the same model the React Flow diagram draws
// (traceToDiagram, flowElements) drawn with plain SVG shapes and text in the current theme's colours, so it
// opens in PowerPoint, Keynote, Google Slides and any vector editor (no foreignObject, no stylesheet).
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import { describeEdge, diagramName } from '../flow/describe';
import { NODE_HEIGHT, NODE_WIDTH } from '../flow/edge-geometry';
import { flowElements, type ExchangeEdgeData } from '../flow/flow-elements';
import { ServiceIcon } from '../flow/service-icons';
import { traceToDiagram } from '../flow/trace-to-diagram';
import { mixColours, resolveColour, type DiagramPalette } from './diagram-palette';

export interface DiagramSvgInput {
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  cursor: number;
  palette: DiagramPalette;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const PADDING = 32;
const BADGE_H = 20;
const BADGE_ROW_MAX = 152;
const LINE_H = 17;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** A text's width in px: measured with a canvas where the browser has one, estimated otherwise. */
function textWidth(text: string, size: number, weight: number): number {
  if (measureContext === undefined) {
    try {
      measureContext = document.createElement('canvas').getContext('2d');
    } catch {
      measureContext = null;
    }
  }
  if (measureContext) {
    measureContext.font = `${weight} ${size}px ${FONT}`;
    const width = measureContext.measureText(text).width;
    if (width > 0) return width;
  }
  return text.length * size * (weight >= 600 ? 0.62 : 0.56);
}

interface LabelBlock {
  x: number;
  y: number;
  width: number;
  height: number;
  badges: { x: number; y: number; width: number; text: string; outcome: string; nested: boolean }[];
  current?: { x: number; y: number; width: number; height: number; ref: string; request: string; response: string; outcome: string; nestedIn?: string; refWidth: number };
}

/** Where an edge's badges and current label go: above a horizontal line, beside a vertical one, as on screen. */
function layoutLabel(data: ExchangeEdgeData): LabelBlock | null {
  const badges: LabelBlock['badges'] = [];
  let rowX = 0;
  let rowY = 0;
  let rowsWidth = 0;
  for (const badge of data.badges) {
    const width = Math.max(BADGE_H, textWidth(badge.ref, 11, 700) + 10);
    if (rowX > 0 && rowX + width > BADGE_ROW_MAX) {
      rowX = 0;
      rowY += BADGE_H + 3;
    }
    badges.push({ x: rowX, y: rowY, width, text: badge.ref, outcome: badge.outcome, nested: badge.nested });
    rowX += width + 3;
    rowsWidth = Math.max(rowsWidth, rowX - 3);
  }
  const badgesHeight = badges.length > 0 ? rowY + BADGE_H : 0;
  let current: LabelBlock['current'];
  if (data.current) {
    const c = data.current;
    const request = `${c.requestLabel} ${c.requestArrow}`;
    const response = `${c.responseArrow} ${c.responseLabel}`;
    const refWidth = Math.max(BADGE_H, textWidth(c.ref, 11, 700) + 10);
    const line1 = refWidth + 5 + textWidth(request, 12, 700);
    const line2 = textWidth(response, 12, 600) + 14;
    const line3 = c.nestedIn ? textWidth(c.nestedIn, 11, 400) : 0;
    const width = Math.max(line1, line2, line3) + 16;
    const height = 10 + LINE_H + 4 + LINE_H + (c.nestedIn ? LINE_H : 0) + 6;
    current = { x: 0, y: badgesHeight > 0 ? badgesHeight + 4 : 0, width, height, ref: c.ref, request, response, outcome: c.outcome, refWidth, ...(c.nestedIn ? { nestedIn: c.nestedIn } : {}) };
  }
  if (badges.length === 0 && !current) return null;
  const width = Math.max(rowsWidth, current?.width ?? 0);
  const height = (current ? current.y + current.height : badgesHeight);
  // Centre the rows and the box within the block.
  const rowOffset = (width - rowsWidth) / 2;
  for (const b of badges) b.x += rowOffset;
  if (current) current.x = (width - current.width) / 2;
  const { mid } = data;
  const x = data.labelSide === 'right' ? mid.x + 10 : mid.x - width / 2;
  const y = data.labelSide === 'right' ? mid.y - height / 2 : mid.y - 8 - height;
  return { x, y, width, height, badges, ...(current ? { current } : {}) };
}

/** The extent of a path's coordinates (control points included: a little generous, never too small). */
function pathBounds(d: string): { minX: number; minY: number; maxX: number; maxY: number } {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

export function DiagramSvg({ trace, steps, cursor, palette }: DiagramSvgInput) {
  const diagram = traceToDiagram(trace, steps, cursor);
  const { nodes, edges } = flowElements(diagram, { reducedMotion: true, speed: 1, markerId: 'arrow' });
  const labels = edges.map((e) => (e.data ? layoutLabel(e.data) : null));

  const boxes = [
    ...nodes.map((n) => ({ minX: n.position.x - NODE_WIDTH / 2, minY: n.position.y - NODE_HEIGHT / 2, maxX: n.position.x + NODE_WIDTH / 2, maxY: n.position.y + NODE_HEIGHT / 2 })),
    ...edges.flatMap((e) => (e.data ? [pathBounds(e.data.path)] : [])),
    ...labels.flatMap((l) => (l ? [{ minX: l.x, minY: l.y, maxX: l.x + l.width, maxY: l.y + l.height }] : [])),
  ];
  const minX = Math.min(...boxes.map((b) => b.minX), 0) - PADDING;
  const minY = Math.min(...boxes.map((b) => b.minY), 0) - PADDING;
  const width = Math.ceil(Math.max(...boxes.map((b) => b.maxX), NODE_WIDTH) + PADDING - minX);
  const height = Math.ceil(Math.max(...boxes.map((b) => b.maxY), NODE_HEIGHT) + PADDING - minY);
  const outcomeColour = (outcome: string) => (outcome === 'error' ? palette.error : palette.ok);
  const currentEdges = diagram.edges.filter((e) => e.state === 'current');

  return (
    <svg width={width} height={height} viewBox={`${minX} ${minY} ${width} ${height}`} fontFamily={FONT} role="img">
      <title>{diagramName(diagram)}</title>
      <desc>{currentEdges.map(describeEdge).join(' ')}</desc>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" fill={palette.edgeCurrent} />
        </marker>
      </defs>
      <rect x={minX} y={minY} width={width} height={height} fill={palette.canvas} />
      {edges.map((edge) => {
        const data = edge.data!;
        const current = data.current;
        const d = current ? (current.forward ? data.path : data.reversePath) : data.path;
        return (
          <g key={edge.id} className="edge">
            {current && <path d={d} fill="none" stroke={palette.edgeCurrent} strokeWidth={10} strokeOpacity={0.14} strokeLinecap="round" />}
            <path
              d={d}
              fill="none"
              stroke={current ? palette.edgeCurrent : palette.edgePast}
              strokeWidth={current ? 2.5 : 1.5}
              strokeOpacity={current ? 1 : 0.75}
              strokeLinecap="round"
              {...(data.nested ? { strokeDasharray: '6 5' } : {})}
              {...(current ? { markerEnd: 'url(#arrow)' } : {})}
            />
          </g>
        );
      })}
      {nodes.map((node) => {
        const colour = resolveColour(node.data.colour, palette);
        const left = node.position.x - NODE_WIDTH / 2;
        const top = node.position.y - NODE_HEIGHT / 2;
        const role = node.data.role;
        return (
          <g key={node.id} className="actor" opacity={role === 'idle' ? 0.55 : 1}>
            {role === 'active' && <rect x={left - 3} y={top - 3} width={NODE_WIDTH + 6} height={NODE_HEIGHT + 6} rx={12} fill="none" stroke={colour} strokeOpacity={0.4} strokeWidth={3} />}
            <rect x={left} y={top} width={NODE_WIDTH} height={NODE_HEIGHT} rx={10} fill={palette.card} />
            {/* The service's colour along the top edge, 4 px deep, following the rounded corners. */}
            <rect x={left} y={top} width={NODE_WIDTH} height={14} rx={10} fill={colour} />
            <rect x={left} y={top + 4} width={NODE_WIDTH} height={10} fill={palette.card} />
            <rect x={left} y={top} width={NODE_WIDTH} height={NODE_HEIGHT} rx={10} fill="none" stroke={palette.border} />
            <rect x={node.position.x - 20} y={top + 12} width={40} height={40} rx={8} fill={colour} />
            <g transform={`translate(${node.position.x - 13} ${top + 19})`} color="#ffffff">
              <ServiceIcon icon={node.data.icon} size={26} />
            </g>
            <text x={node.position.x} y={top + 71} textAnchor="middle" fontSize={14} fontWeight={700} fill={palette.text}>
              {node.data.label}
            </text>
            <text x={node.position.x} y={top + 88} textAnchor="middle" fontSize={11} fill={palette.muted}>
              {node.data.service}
            </text>
          </g>
        );
      })}
      {labels.map((label, i) => {
        if (!label) return null;
        const c = label.current;
        return (
          <g key={edges[i]!.id} className="edge-label" transform={`translate(${label.x} ${label.y})`}>
            {label.badges.map((b) => (
              <g key={`${b.text}-${b.x}-${b.y}`}>
                <rect x={b.x} y={b.y} width={b.width} height={BADGE_H} rx={BADGE_H / 2} fill={palette.labelBg} stroke={b.outcome === 'error' ? palette.error : b.outcome === 'success' ? mixColours(palette.ok, palette.edgePast, 0.55) : palette.edgePast} strokeWidth={1.5} {...(b.nested ? { strokeDasharray: '3 2' } : {})} />
                <text x={b.x + b.width / 2} y={b.y + 14} textAnchor="middle" fontSize={11} fontWeight={700} fill={b.outcome === 'error' ? palette.error : palette.muted}>
                  {b.text}
                </text>
              </g>
            ))}
            {c && (
              <g transform={`translate(${c.x} ${c.y})`}>
                <rect width={c.width} height={c.height} rx={8} fill={palette.labelBg} stroke={palette.border} />
                <rect x={8} y={7} width={c.refWidth} height={BADGE_H} rx={BADGE_H / 2} fill={palette.edgeCurrent} />
                <text x={8 + c.refWidth / 2} y={21} textAnchor="middle" fontSize={11} fontWeight={700} fill="#ffffff">
                  {c.ref}
                </text>
                <text x={8 + c.refWidth + 5} y={22} fontSize={12} fontWeight={700} fill={palette.text}>
                  {c.request}
                </text>
                <rect x={(c.width - (textWidth(c.response, 12, 600) + 14)) / 2} y={10 + LINE_H + 2} width={textWidth(c.response, 12, 600) + 14} height={LINE_H + 2} rx={(LINE_H + 2) / 2} fill={c.outcome === 'error' ? palette.errorBg : palette.okBg} />
                <text x={c.width / 2} y={10 + LINE_H * 2 + 1} textAnchor="middle" fontSize={12} fontWeight={600} fill={outcomeColour(c.outcome)}>
                  {c.response}
                </text>
                {c.nestedIn && (
                  <text x={c.width / 2} y={10 + LINE_H * 3 + 4} textAnchor="middle" fontSize={11} fontStyle="italic" fill={palette.muted}>
                    {c.nestedIn}
                  </text>
                )}
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The diagram as an SVG document (text), with its pixel size. */
export function diagramSvgMarkup(input: DiagramSvgInput): { svg: string; width: number; height: number } {
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() => root.render(<DiagramSvg {...input} />));
  const element = host.querySelector('svg');
  const svg = element ? new XMLSerializer().serializeToString(element) : '';
  const width = Number(element?.getAttribute('width') ?? 0);
  const height = Number(element?.getAttribute('height') ?? 0);
  root.unmount();
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, width, height };
}
