// The wall clock for the live lab, read again just after every second boundary while `running`, so a
// countdown ticks in step with real seconds. The clock itself is passed in (the lab store's `now`), so tests
// can hold or move time.
import { useEffect, useState } from 'react';

export function useTicking(now: () => number, running: boolean): number {
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
  return running ? time : now();
}
