import { describe, expect, it } from 'vitest';
import { keepUnchanged, type Kept } from './keep-unchanged';
import { flowElements } from './flow-elements';
import { traceToDiagram } from './trace-to-diagram';
import { signUpRun } from './fixtures';

describe('keepUnchanged', () => {
  it('hands back the earlier object when nothing in it changed, and the new one when something did', () => {
    const kept: Kept<{ id: string; v: number }> = new Map();
    const first = keepUnchanged(kept, [{ id: 'a', v: 1 }, { id: 'b', v: 1 }]);
    const second = keepUnchanged(kept, [{ id: 'a', v: 1 }, { id: 'b', v: 2 }]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual({ id: 'b', v: 2 });
    // The changed one is what later calls compare against.
    expect(keepUnchanged(kept, [{ id: 'b', v: 2 }])[0]).toBe(second[1]);
  });

  it('forgets ids that are gone, so one that comes back is taken as new', () => {
    const kept: Kept<{ id: string; v: number }> = new Map();
    const [a] = keepUnchanged(kept, [{ id: 'a', v: 1 }]);
    keepUnchanged(kept, []);
    expect(kept.size).toBe(0);
    expect(keepUnchanged(kept, [{ id: 'a', v: 1 }])[0]).not.toBe(a);
  });

  it('keeps the boxes of actors whose role did not change from one step of a real run to the next', () => {
    const { trace, steps } = signUpRun();
    const options = { reducedMotion: true, speed: 1, markerId: 'm' };
    const kept: Kept<ReturnType<typeof flowElements>['nodes'][number]> = new Map();
    const before = keepUnchanged(kept, flowElements(traceToDiagram(trace, steps, 1), options).nodes);
    const after = keepUnchanged(kept, flowElements(traceToDiagram(trace, steps, 2), options).nodes);
    // Steps 2 and 3 are both between the app and the user pool: nothing about the two boxes changes.
    expect(after.length).toBeGreaterThan(0);
    after.forEach((node, i) => expect(node).toBe(before[i]));
  });
});
