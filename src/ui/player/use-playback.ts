// Playback: while playing, step forward on a timer whose pace follows the speed; the store stops at the end.
import { useEffect } from 'react';

export const BASE_STEP_MS = 2600;

export function usePlayback(playing: boolean, speed: number, next: () => void): void {
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(next, BASE_STEP_MS / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, next]);
}
