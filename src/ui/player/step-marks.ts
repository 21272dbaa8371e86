// User Timing marks for stepping, read by the stepping benchmark (.ci/bench/stepping.mjs) and shown in the
// browser's performance panel:
//   cognito-lab:step-key       the player handles a step key (at the key event's own time stamp, so time the
//                              event spent waiting for a busy main thread counts);
//   cognito-lab:step-rendered  the new step is in the DOM, diagram and inspector alike: a microtask queued by
//                              the effect of the commit that showed the new cursor runs after that commit's
//                              effects and the synchronous renders they set off (React Flow copies the edges
//                              into its own store in an effect and draws them in a second render);
//   cognito-lab:step-painted   the browser has painted the frame after that (after-paint.ts: a task posted from the
//                              next animation frame callback runs once that frame's style, layout and paint are done;
//                              the mark goes ahead of the other work waiting for that frame).
// Measures `cognito-lab:step` (key → rendered) and `cognito-lab:step-paint` (key → painted) span them.
// Only the latest key's entries are kept, so a long session does not pile them up. Marks never throw into the UI.
import { useEffect } from 'react';
import { afterNextPaint } from '../components/after-paint';

export const STEP_KEY_MARK = 'cognito-lab:step-key';
export const STEP_RENDERED_MARK = 'cognito-lab:step-rendered';
export const STEP_PAINTED_MARK = 'cognito-lab:step-painted';
export const STEP_MEASURE = 'cognito-lab:step';
export const STEP_PAINT_MEASURE = 'cognito-lab:step-paint';

let pending = false;

function record(mark: string, measure: string) {
  try {
    performance.mark(mark);
    performance.measure(measure, STEP_KEY_MARK, mark);
  } catch {
    // No User Timing here (or the key mark was cleared by a newer key): nothing to record.
  }
}

function markPainted() {
  record(STEP_PAINTED_MARK, STEP_PAINT_MEASURE);
}

function markRendered() {
  if (!pending) return;
  pending = false;
  record(STEP_RENDERED_MARK, STEP_MEASURE);
  afterNextPaint(markPainted, { first: true });
}

/** Called by the player's key handler for a key that moves the cursor. */
export function markStepKey(event: Event): void {
  try {
    for (const name of [STEP_KEY_MARK, STEP_RENDERED_MARK, STEP_PAINTED_MARK]) performance.clearMarks(name);
    for (const name of [STEP_MEASURE, STEP_PAINT_MEASURE]) performance.clearMeasures(name);
    performance.mark(STEP_KEY_MARK, { startTime: event.timeStamp });
    pending = true;
  } catch {
    pending = false;
  }
}

/** Marks a step key's new step as rendered once the commit showing `cursor` and its follow-up renders are done. */
export function useStepRenderedMark(cursor: number): void {
  useEffect(() => {
    if (pending) queueMicrotask(markRendered);
  }, [cursor]);
}
