// A page's code, loaded on first use and rendered the moment it arrives. React.lazy with <Suspense> would hold
// the arrived content back: React keeps a boundary's fallback for at least 300 ms once shown (its
// FALLBACK_THROTTLE_MS), which kept each page's heading off the screen that long after its code had arrived.
// Here the module is a plain value: undefined while it loads, then the module; a failed load is thrown to the
// nearest error boundary every time, as React.lazy does (its "Reload" loads the page afresh). The render that
// shows the arrived module is a transition, which React builds in slices with the page responsive between them.
import { startTransition, useEffect, useReducer } from 'react';

type Entry<T> = { status: 'pending'; promise: Promise<unknown> } | { status: 'fulfilled'; value: T } | { status: 'rejected'; error: unknown };

const modules = new Map<() => Promise<unknown>, Entry<unknown>>();

function entryFor<T>(load: () => Promise<T>): Entry<T> {
  let entry = modules.get(load) as Entry<T> | undefined;
  if (!entry) {
    const promise = load().then(
      (value) => void modules.set(load, { status: 'fulfilled', value }),
      (error: unknown) => void modules.set(load, { status: 'rejected', error }),
    );
    entry = { status: 'pending', promise };
    modules.set(load, entry);
  }
  return entry;
}

/** Starts loading a module ahead of its first render (e.g. on hover); the same `load` function must be used. */
export function preloadModule<T>(load: () => Promise<T>): void {
  entryFor(load);
}

/**
 * The module `load` resolves to, or undefined until it has arrived (null: nothing to load yet). `load` must be
 * the same function from render to render (a module-level constant): it is the cache's key.
 */
export function useModule<T>(load: (() => Promise<T>) | null): T | undefined {
  const entry = load ? entryFor(load) : undefined;
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (entry?.status !== 'pending') return;
    let live = true;
    void entry.promise.then(() => {
      if (live) startTransition(arrived);
    });
    return () => {
      live = false;
    };
  }, [entry]);
  if (!entry || entry.status === 'pending') return undefined;
  if (entry.status === 'rejected') throw entry.error;
  return entry.value;
}
