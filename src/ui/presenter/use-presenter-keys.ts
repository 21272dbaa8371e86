// The presenter's keys, as a presentation clicker sends them: PageDown / PageUp (and the arrows, Space) step,
// "." or B blanks the screen and again restores it, Escape leaves, L toggles the pointer highlight, Home and End
// jump to the first and last step. While the screen is blank, a step key only brings the picture back (as
// slide software does), so a clicker pressed by mistake never moves on unseen.
import { useEffect, useEffectEvent } from 'react';

export interface PresenterKeyHandlers {
  next(): void;
  previous(): void;
  first(): void;
  last(): void;
  toggleBlank(): void;
  togglePointer(): void;
  exit(): void;
}

export type PresenterKeyAction = keyof PresenterKeyHandlers;

/** What a key does in the presenter view (null: nothing). */
export function presenterKeyAction(key: string): PresenterKeyAction | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
      return 'next';
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '.':
    case 'b':
    case 'B':
      return 'toggleBlank';
    case 'l':
    case 'L':
      return 'togglePointer';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return key !== 'Escape';
  // A focused button keeps Space and Enter for itself.
  return (key === ' ' || key === 'Enter') && (target.tagName === 'BUTTON' || target.tagName === 'A');
}

export function usePresenterKeys(handlers: PresenterKeyHandlers, blanked: boolean): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
    const action = presenterKeyAction(event.key);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (blanked && action !== 'exit' && action !== 'togglePointer') {
      handlers.toggleBlank();
      return;
    }
    handlers[action]();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    // Capture: the presenter answers before anything underneath it (the player's own keys).
    document.addEventListener('keydown', listener, true);
    return () => document.removeEventListener('keydown', listener, true);
  }, []);
}
