// Throttling as API Gateway does it: a token bucket per method, holding up to `burstLimit` tokens and refilled
// at `rateLimit` tokens a second, on the virtual clock. A request takes one token; with none left it is
// refused with 429 before any authorizer or integration runs. Time only moves when the learner moves it,
// so a burst of calls in one instant shows the bucket emptying.
import type { ThrottleConfig } from '../world/api-config';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  /** Tokens left after this request (whole tokens, for the trace). */
  remaining: number;
  limits: ThrottleConfig;
}

export function createThrottle() {
  const buckets = new Map<string, Bucket>();
  return {
    take(key: string, limits: ThrottleConfig, now: number): ThrottleDecision {
      const bucket = buckets.get(key) ?? { tokens: limits.burstLimit, updatedAt: now };
      const refilled = Math.min(limits.burstLimit, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limits.rateLimit);
      const allowed = refilled >= 1;
      const tokens = allowed ? refilled - 1 : refilled;
      buckets.set(key, { tokens, updatedAt: now });
      return { allowed, remaining: Math.floor(tokens), limits };
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;

/** Takes a token for this method; notes the bucket either way. True when the request must be refused with 429. */
export function throttled(env: { throttle: Throttle; clock: { now(): number } }, call: { note(note: { kind: 'info'; summary: string }): void }, key: string, limits: ThrottleConfig, level: 'method' | 'stage'): boolean {
  const decision = env.throttle.take(key, limits, env.clock.now());
  const setting = `${level} throttling: rate ${limits.rateLimit} requests/s, burst ${limits.burstLimit}`;
  call.note({
    kind: 'info',
    summary: decision.allowed
      ? `Throttling (${setting}): a token was taken from the bucket, ${decision.remaining} left.`
      : `Throttling (${setting}): the bucket is empty, so API Gateway answers 429 Too Many Requests before any authorizer or integration runs. It refills at ${limits.rateLimit} per second.`,
  });
  return !decision.allowed;
}
