// Paint the page's heading before asking for its heavy code. A route whose body is a large lazy chunk (the
// player, the sandbox's workspace, a live lab) shows `placeholder` (its heading, goal and a loading line) at
// once, and only from the next task after that frame renders `children` (which start their download): the
// heading is on screen without waiting for, or competing with, the chunks it announces. That render is a
// transition, so React builds the large tree in slices that leave the main thread free between them (a
// learner's click or key is handled at once) rather than in one long task.
import { Suspense, startTransition, useEffect, useState, type ReactNode } from 'react';

export function PaintFirst({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const afterPaint = () => (timer = setTimeout(() => startTransition(() => setPainted(true)), 0));
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(afterPaint) : undefined;
    if (frame === undefined) afterPaint();
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
