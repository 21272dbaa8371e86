// Player controls: Restart, Previous step, Play/Pause, Next step, speed, "Step N of M" and a timeline.
import { useId } from 'react';
import type { Speed } from '../../store/player';

export interface ControlsProps {
  cursor: number;
  total: number;
  playing: boolean;
  speed: Speed;
  speeds: readonly Speed[];
  stepTitles: readonly string[];
  onRestart(): void;
  onPrevious(): void;
  onNext(): void;
  onPlay(): void;
  onPause(): void;
  onSpeed(speed: Speed): void;
  onSeek(step: number): void;
}

// Drawn icons: the media-control characters (⏮ ⏸) are missing from many system fonts.
const ICONS = {
  restart: 'M6 5h2v14H6zM20 5v14L9 12z',
  previous: 'M18 5v14L7 12z',
  play: 'M7 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  next: 'M4 5v14l8-7zM12 5v14l8-7z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

export function Controls(props: ControlsProps) {
  const { cursor, total, playing, speed, speeds, stepTitles } = props;
  const speedId = useId();
  const atStart = cursor <= 0;
  const atEnd = cursor >= total - 1;
  return (
    <div className="controls" role="group" aria-label="Player controls">
      <div className="controls__buttons">
        <button type="button" className="icon-button" onClick={props.onRestart} aria-label="Restart" title="Restart (Home)" disabled={atStart && !playing}>
          <Icon name="restart" />
        </button>
        <button type="button" className="icon-button" onClick={props.onPrevious} aria-label="Previous step" title="Previous step (←)" disabled={atStart}>
          <Icon name="previous" />
        </button>
        {playing ? (
          <button type="button" className="icon-button icon-button--primary" onClick={props.onPause} aria-label="Pause" title="Pause (P)">
            <Icon name="pause" />
          </button>
        ) : (
          <button type="button" className="icon-button icon-button--primary" onClick={props.onPlay} aria-label="Play" title="Play (P)">
            <Icon name="play" />
          </button>
        )}
        <button type="button" className="icon-button" onClick={props.onNext} aria-label="Next step" title="Next step (→ or Space)" disabled={atEnd}>
          <Icon name="next" />
        </button>
        <span className="controls__position" aria-live="off">
          Step {cursor + 1} of {total}
        </span>
        <label htmlFor={speedId} className="controls__speed">
          Speed
          <select id={speedId} value={speed} onChange={(e) => props.onSpeed(Number(e.target.value) as Speed)}>
            {speeds.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        type="range"
        className="controls__timeline"
        min={1}
        max={total}
        step={1}
        value={cursor + 1}
        aria-label="Timeline"
        aria-valuetext={`Step ${cursor + 1} of ${total}: ${stepTitles[cursor] ?? ''}`}
        onChange={(e) => props.onSeek(Number(e.target.value) - 1)}
      />
    </div>
  );
}
