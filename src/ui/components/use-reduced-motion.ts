// Whether the learner asked their system for reduced motion (prefers-reduced-motion: reduce).
// One MediaQueryList for the page: React reads the snapshot on every render, and a fresh matchMedia() call
// each time costs a media query evaluation in the middle of a step's render.
import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';
let media: { list: MediaQueryList; from: Window['matchMedia'] } | undefined;

function mediaQuery(): MediaQueryList | undefined {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
  // A page (or a test) that replaces matchMedia gets a list from the new one.
  if (media?.from !== window.matchMedia) media = { list: window.matchMedia(query), from: window.matchMedia };
  return media.list;
}

function subscribe(onChange: () => void): () => void {
  const list = mediaQuery();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => mediaQuery()?.matches ?? false, () => false);
}
