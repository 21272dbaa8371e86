// The virtual clock: every service reads time from it, so a learner (or a test) can jump an hour
// ahead and watch codes, tokens and sessions expire. It never moves by itself.

export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(startTime: number): Clock {
  if (!Number.isFinite(startTime)) throw new RangeError('startTime must be a finite epoch-millisecond value');
  let current = Math.floor(startTime);
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward by a finite number of milliseconds');
      current += Math.floor(ms);
    },
  };
}

export const seconds = (epochMs: number): number => Math.floor(epochMs / 1000);
