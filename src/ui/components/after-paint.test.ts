import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-paint';

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

afterEach(() => vi.unstubAllGlobals());

describe('afterNextPaint', () => {
  it('runs nothing at once, then every job in order, first ones ahead', async () => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('a'));
    afterNextPaint(() => ran.push('b'));
    afterNextPaint(() => ran.push('mark'), { first: true });
    expect(ran).toEqual([]);
    await settle();
    expect(ran).toEqual(['mark', 'a', 'b']);
  });

  it('waits for an animation frame when there are frames', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const ran: string[] = [];
    afterNextPaint(() => ran.push('job'));
    await settle();
    expect(ran).toEqual([]);
    expect(frames).toHaveLength(1);
    frames[0]!(0);
    await settle();
    expect(ran).toEqual(['job']);
  });

  it('can be cancelled before it runs, and one failing job does not stop the next', async () => {
    const ran: string[] = [];
    const cancel = afterNextPaint(() => ran.push('cancelled'));
    afterNextPaint(() => {
      throw new Error('boom');
    });
    afterNextPaint(() => ran.push('after the failure'));
    cancel();
    const errors: unknown[] = [];
    vi.stubGlobal('reportError', (error: unknown) => errors.push(error));
    await settle();
    expect(ran).toEqual(['after the failure']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
  });
});
