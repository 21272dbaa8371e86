// The exam's countdown. The time shown is not a live region (a screen reader would read it every second);
// a separate polite region says "5 minutes left" and "1 minute left" once each. With reduced motion the display
// changes once a minute instead of every second. At zero it calls onTimeout once.
import { useEffect, useId, useRef, useState } from 'react';
import { useReducedMotion } from '../components/use-reduced-motion';

export const WARNINGS = [
  { seconds: 300, text: '5 minutes left.' },
  { seconds: 60, text: '1 minute left.' },
] as const;

/** The wall clock, read again just after every second boundary while `running`. */
function useClock(now: () => number, running: boolean): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = now();
      setTime(t);
      timer = setTimeout(tick, 1000 - (t % 1000) + 5);
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [now, running]);
  return time;
}

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function ExamTimer({ deadline, now, onTimeout, running = true }: { deadline: number; now: () => number; onTimeout(): void; running?: boolean }) {
  const reduced = useReducedMotion();
  const labelId = useId();
  const time = useClock(now, running);
  const left = Math.max(0, (deadline - time) / 1000);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(left);
  const timedOut = useRef(false);
  const latestTimeout = useRef(onTimeout);
  useEffect(() => {
    latestTimeout.current = onTimeout;
  });

  useEffect(() => {
    const before = previous.current;
    previous.current = left;
    const crossed = WARNINGS.filter((w) => before > w.seconds && left <= w.seconds && left > 0).at(-1);
    if (crossed) setAnnouncement(crossed.text);
    if (left <= 0 && running && !timedOut.current) {
      timedOut.current = true;
      latestTimeout.current();
    }
  }, [left, running]);

  const low = left <= WARNINGS[0].seconds;
  const shown = reduced ? (left <= 60 ? 'under 1 min' : `${Math.ceil(left / 60)} min`) : formatClock(left);
  return (
    <div className={`quiz-timer${low ? ' quiz-timer--low' : ''}`}>
      <span className="quiz-timer__label" id={labelId}>
        Time left
      </span>{' '}
      <span role="timer" aria-labelledby={labelId} className="quiz-timer__value">
        {shown}
      </span>
      <span role="status" className="quiz-sr-only">
        {announcement}
      </span>
    </div>
  );
}
