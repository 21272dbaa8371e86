// A quiz session in progress outlives its page: following "See it in the simulator" and coming back (Back)
// resumes the same question, with its feedback. Kept in memory only, for this visit; saved progress lives
// in the quiz store.
import { useCallback, useState } from 'react';

const memory = new Map<string, unknown>();

/** Like useState, but the value is remembered under `key` while the app stays open; null forgets it. */
export function useRememberedState<T>(key: string, initial: T | null): [T | null, (next: T | null) => void] {
  const [value, setValue] = useState<T | null>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T | null) => {
      if (next === null) memory.delete(key);
      else memory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}

/** Forgets every remembered session (tests, and a fresh start). */
export function forgetQuizSessions(): void {
  memory.clear();
}
