import { describe, expect, it } from 'vitest';
import { apiRun, signUpRun } from './fixtures';
import { flowElements } from './flow-elements';
import { frameFor } from './framing';
import { traceToDiagram } from './trace-to-diagram';

const frame = (run: ReturnType<typeof apiRun>, cursor: number, viewport: { width: number; height: number }) => {
  const diagram = traceToDiagram(run.trace, run.steps, cursor);
  return frameFor(diagram, flowElements(diagram, { reducedMotion: true, speed: 1, markerId: 'm' }).edges, viewport);
};

describe('Framing the diagram', () => {
  it('shows every actor when they all fit at a readable size', () => {
    const result = frame(signUpRun(), 1, { width: 800, height: 400 });
    expect(result?.follows).toBe(false);
    expect(result!.rect.width).toBeGreaterThan(300);
  });

  it('follows the current step when the whole diagram would be too small to read', () => {
    const run = apiRun();
    const wide = frame(run, 0, { width: 3000, height: 1000 })!;
    const narrow = frame(run, 0, { width: 375, height: 300 })!;
    expect(wide.follows).toBe(false);
    expect(narrow.follows).toBe(true);
    // Step 1 is the app asking the identity pool: two columns of the six.
    expect(narrow.rect.width).toBeLessThan(wide.rect.width / 2);
    expect(frame(run, 2, { width: 375, height: 300 })!.rect).not.toEqual(narrow.rect);
  });

  it('keeps room above the lines for their labels', () => {
    const result = frame(signUpRun(), 1, { width: 800, height: 400 })!;
    expect(result.rect.y).toBeLessThan(-80);
  });
});
