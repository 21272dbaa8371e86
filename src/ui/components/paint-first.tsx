// Paint the page's heading before asking for its heavy code. A route whose body is a large chunk (the player,
// the sandbox's workspace, a live lab) shows `placeholder` (its heading, goal and a loading line) at once, and
// only once that frame is on screen starts loading the chunk (`load`), then renders `children(module)` the moment
// it arrives (use-module.ts: no Suspense, so React does not hold it back) in a transition, which React builds in
// slices that leave the main thread free between them.
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useModule } from './use-module';

export function PaintFirst<M>({ placeholder, load, children }: { placeholder: ReactNode; load: () => Promise<M>; children: (module: M) => ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    const afterPaint = () => (timer = setTimeout(() => startTransition(() => setPainted(true)), 0));
    if (typeof requestAnimationFrame !== 'function') afterPaint();
    // Two frames: the first one's callback runs before the placeholder's frame is drawn, the second one's after it
    // has reached the screen, so the heavy chunks' requests never start before the heading is shown.
    else frame = requestAnimationFrame(() => (frame = requestAnimationFrame(afterPaint)));
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const module = useModule(painted ? load : null);
  return module === undefined ? placeholder : children(module);
}
