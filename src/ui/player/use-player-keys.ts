// Keyboard control of the player: → or Space next, ← previous, Home restart, P play/pause. Keys typed
// into form fields, tabs and sliders keep their own meaning.
import { useEffect } from 'react';
import { markStepKey } from './step-marks';

export interface PlayerKeyHandlers {
  next(): void;
  previous(): void;
  restart(): void;
  togglePlay(): void;
}

function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  const role = target.getAttribute('role');
  if (role === 'tab' || role === 'slider' || role === 'tablist') return true;
  if ((key === ' ' || key === 'Enter') && (target.tagName === 'BUTTON' || target.tagName === 'A' || target.tagName === 'SUMMARY')) return true;
  return false;
}

export function usePlayerKeys(handlers: PlayerKeyHandlers, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target, event.key)) return;
      switch (event.key) {
        case 'ArrowRight':
        case ' ':
          markStepKey(event);
          handlers.next();
          break;
        case 'ArrowLeft':
          markStepKey(event);
          handlers.previous();
          break;
        case 'Home':
          handlers.restart();
          break;
        case 'p':
        case 'P':
          handlers.togglePlay();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [handlers, enabled]);
}
