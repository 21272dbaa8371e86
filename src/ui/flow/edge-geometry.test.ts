import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH, borderPoint, edgeGeometry } from './edge-geometry';

describe('Edge geometry', () => {
  it('starts and ends a line at the borders of the two boxes, not at their centres', () => {
    const g = edgeGeometry({ x: 0, y: 0, column: 0 }, { x: 300, y: 0, column: 1 });
    expect(g.start.x).toBeGreaterThan(NODE_WIDTH / 2);
    expect(g.end.x).toBeLessThan(300 - NODE_WIDTH / 2);
    expect(g.path).toMatch(/^M [\d.]+ 0 L [\d.]+ 0$/);
    expect(g.reversePath.startsWith(`M ${g.end.x} 0`)).toBe(true);
    expect(g.mid).toEqual({ x: 150, y: 0 });
  });

  it('leaves a box through its top or bottom when the other box is above or below', () => {
    expect(borderPoint({ x: 0, y: 0 }, { x: 0, y: 150 }).y).toBeGreaterThan(NODE_HEIGHT / 2);
    expect(borderPoint({ x: 0, y: 0 }, { x: 0, y: 150 }).x).toBe(0);
  });

  it('arches over the columns in between, so the line clears the boxes there', () => {
    const g = edgeGeometry({ x: 0, y: 0, column: 0 }, { x: 900, y: 0, column: 3 });
    expect(g.path).toContain(' Q ');
    expect(g.mid.y).toBeLessThan(-NODE_HEIGHT / 2);
  });

  it('draws a call to oneself as a loop above the box', () => {
    const g = edgeGeometry({ x: 0, y: 0, column: 0 }, { x: 0, y: 0, column: 0 });
    expect(g.path).toContain(' C ');
    expect(g.mid.y).toBeLessThan(-NODE_HEIGHT / 2);
  });
});
