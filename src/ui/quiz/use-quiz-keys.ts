// Keyboard control of a question: 1–9 or A–F pick the option in that position (toggle for "Choose N"),
// Enter submits (or moves on once answered), N goes to the next question, P to the previous one (exam).
// Keys typed into text fields keep their meaning; Enter on a button or link activates that control instead.
import { useEffect, useRef } from 'react';

export interface QuizKeyHandlers {
  optionCount: number;
  select(index: number): void;
  enter?(): void;
  next?(): void;
  previous?(): void;
}

const TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color']);

/** True when the key belongs to the focused element: typing in a field, or Enter on a control. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName === 'INPUT' && !TEXT_INPUTS.has((target as HTMLInputElement).type)) return true;
  if (key === 'Enter' && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName)) return true;
  if (key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'file') return true;
  return false;
}

/** The option position a key names: '1'…'9' → 0…8, 'a'…'f' → 0…5; null for any other key. */
export function optionIndexForKey(key: string): number | null {
  if (/^[1-9]$/.test(key)) return Number(key) - 1;
  if (/^[a-fA-F]$/.test(key)) return key.toLowerCase().charCodeAt(0) - 97;
  return null;
}

export function useQuizKeys(handlers: QuizKeyHandlers, enabled = true): void {
  // The latest handlers, read at key time, so the listener is attached once per enabled period.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
      const h = latest.current;
      const index = optionIndexForKey(event.key);
      if (index !== null) {
        if (index >= h.optionCount) return;
        h.select(index);
      } else if (event.key === 'Enter' && h.enter) {
        h.enter();
      } else if ((event.key === 'n' || event.key === 'N') && h.next) {
        h.next();
      } else if ((event.key === 'p' || event.key === 'P') && h.previous) {
        h.previous();
      } else {
        return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
