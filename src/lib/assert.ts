// Tiny invariant helpers shared by every layer: fail loudly on programmer errors, and make
// switches over unions exhaustive so a new case fails to compile where it is not handled.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function exhaustiveSwitchError(value: never, what = 'value'): never {
  throw new AssertionError(`unhandled ${what}: ${JSON.stringify(value)}`);
}
