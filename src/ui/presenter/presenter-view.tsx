// The presenter view: only the diagram and the narration, in large type, over the whole screen (the Fullscreen
// API where the browser allows it, else a full-window overlay), driven by a clicker's keys. It takes a trace,
// its steps and a cursor, so the player and the sandbox both use it. Blanking hides everything; the pointer
// highlight is a large ring that follows the mouse for a room to see. Reduced motion is honoured. While it is
// open, the page behind it is inert, so a screen reader hears only its banner and its narration.
import { useEffect, useEffectEvent, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import { useReducedMotion } from '../components/use-reduced-motion';
import { FlowDiagram } from '../flow/flow-diagram';
import { Narration } from '../player/narration';
import { usePresenterKeys } from './use-presenter-keys';
import './presenter.css';

export interface PresenterViewProps {
  /** The scenario's title (or "Sandbox"): names the dialog. */
  title: string;
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  /** Index of the current step (0-based). */
  cursor: number;
  onNext(): void;
  onPrevious(): void;
  /** Moves to a step by index (Home and End). */
  onGoTo(step: number): void;
  onExit(): void;
  outcome?: { text: string; met: boolean };
  /** Playback speed for the diagram's chips (default 1). */
  speed?: number;
}

function canFullscreen(element: HTMLElement | null): element is HTMLElement {
  return !!element && typeof element.requestFullscreen === 'function' && document.fullscreenEnabled !== false;
}

/**
 * Makes everything beside the overlay inert (the app's #root, any other portal), so assistive technology and the
 * Tab key meet only the presenter view: no second banner, navigation or narration live region behind it, which
 * would otherwise read each step twice. Returns what undoes exactly that, sparing what was inert already.
 */
function makeOthersInert(overlay: HTMLElement): () => void {
  const made: Element[] = [];
  for (const sibling of Array.from(overlay.parentElement?.children ?? [])) {
    if (sibling === overlay || sibling.hasAttribute('inert') || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(sibling.tagName)) continue;
    sibling.setAttribute('inert', '');
    made.push(sibling);
  }
  return () => {
    for (const element of made) element.removeAttribute('inert');
  };
}

export function PresenterView({ title, trace, steps, cursor, onNext, onPrevious, onGoTo, onExit, outcome, speed = 1 }: PresenterViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [blanked, setBlanked] = useState(false);
  const [pointer, setPointer] = useState(false);
  const [pointerAt, setPointerAt] = useState<{ x: number; y: number } | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [supportsFullscreen] = useState(() => typeof HTMLElement.prototype.requestFullscreen === 'function' && document.fullscreenEnabled !== false);
  const reducedMotion = useReducedMotion();
  const total = steps.length;
  const current = steps[cursor];

  const exit = useEffectEvent(() => onExit());

  const enterFullscreen = () => {
    const root = rootRef.current;
    if (!canFullscreen(root)) return;
    // Refused without a user gesture (a link opened straight into presenter view): the overlay stays full-window.
    root.requestFullscreen().catch(() => {});
  };

  useEffect(() => {
    const root = rootRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Focus first: the opener is about to become inert, and a browser drops the focus of an inert element.
    root?.focus();
    const restoreOthers = root ? makeOthersInert(root) : () => {};
    let wasFullscreen = false;
    const onChange = () => {
      const now = document.fullscreenElement === root && root !== null;
      setFullscreen(now);
      // The browser's own Escape leaves full screen without telling the page: leave the presenter view with it.
      if (wasFullscreen && !now) exit();
      wasFullscreen = now;
    };
    document.addEventListener('fullscreenchange', onChange);
    if (canFullscreen(root)) root.requestFullscreen().catch(() => {});
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement && typeof document.exitFullscreen === 'function') document.exitFullscreen().catch(() => {});
      document.body.style.overflow = previousOverflow;
      // Before the focus goes back: an inert opener cannot take it.
      restoreOthers();
      opener?.focus();
    };
  }, []);

  usePresenterKeys(
    {
      next: onNext,
      previous: onPrevious,
      first: () => onGoTo(0),
      last: () => onGoTo(total - 1),
      toggleBlank: () => setBlanked((b) => !b),
      togglePointer: () => setPointer((p) => !p),
      exit: onExit,
    },
    blanked,
  );

  const ringStyle: CSSProperties | undefined = pointerAt ? { transform: `translate(${pointerAt.x}px, ${pointerAt.y}px)` } : undefined;

  return createPortal(
    <div
      ref={rootRef}
      className={`presenter${reducedMotion ? ' presenter--still' : ''}${pointer ? ' presenter--pointer' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={`Presenter view: ${title}`}
      tabIndex={-1}
      onPointerMove={(e) => setPointerAt({ x: e.clientX, y: e.clientY })}
      onPointerLeave={() => setPointerAt(null)}
    >
      <header className="presenter__bar">
        <p className="presenter__title">
          {title} <span className="presenter__position">Step {cursor + 1} of {total}</span>
        </p>
        <div className="presenter__tools" role="group" aria-label="Presenter controls">
          <button type="button" onClick={onPrevious} disabled={cursor <= 0} aria-label="Previous step" title="Previous step (Page Up, ←)">
            ‹
          </button>
          <button type="button" onClick={onNext} disabled={cursor >= total - 1} aria-label="Next step" title="Next step (Page Down, →)">
            ›
          </button>
          <button type="button" onClick={() => setBlanked(true)} title="Blank the screen (. or B)">
            Blank
          </button>
          <button type="button" aria-pressed={pointer} onClick={() => setPointer((p) => !p)} title="Pointer highlight (L)">
            Pointer
          </button>
          {!fullscreen && supportsFullscreen && (
            <button type="button" onClick={enterFullscreen} title="Fill the screen">
              Full screen
            </button>
          )}
          <button type="button" onClick={onExit} title="Leave presenter view (Esc)">
            Exit
          </button>
        </div>
      </header>
      <div className="presenter__stage">
        <FlowDiagram trace={trace} steps={steps} cursor={cursor} reducedMotion={reducedMotion} speed={speed} />
      </div>
      {current && (
        <div className="presenter__narration">
          <Narration step={current} number={cursor + 1} total={total} {...(outcome ? { outcome } : {})} />
        </div>
      )}
      {blanked && (
        <div className="presenter__blank" onClick={() => setBlanked(false)}>
          <p className="presenter__sr">The screen is blank. Press . or B to show it again.</p>
        </div>
      )}
      {pointer && pointerAt && <div className="presenter__ring" style={ringStyle} aria-hidden="true" data-testid="pointer-ring" />}
    </div>,
    document.body,
  );
}
