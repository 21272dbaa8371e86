// The stepping marks the benchmark reads: recorded for a step key and the render it caused, one pair at a
// time, never for a cursor that moved without a key, and never an exception into the UI. (No timings are
// asserted: only which entries exist and in what order.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { markStepKey, STEP_KEY_MARK, STEP_MEASURE, STEP_RENDERED_MARK, useStepRenderedMark } from './step-marks';

function Cursor({ cursor }: { cursor: number }) {
  useStepRenderedMark(cursor);
  return <p>step {cursor + 1}</p>;
}

const entries = (name: string, type: 'mark' | 'measure') => performance.getEntriesByName(name, type);
const key = (timeStamp: number) => ({ timeStamp }) as Event;

afterEach(() => {
  vi.restoreAllMocks();
  for (const name of [STEP_KEY_MARK, STEP_RENDERED_MARK]) performance.clearMarks(name);
  performance.clearMeasures(STEP_MEASURE);
});

describe('Stepping marks', () => {
  it('mark the key at the event’s time stamp and the render that showed the new step, then measure between them', async () => {
    const view = render(<Cursor cursor={0} />);
    const pressedAt = performance.now();
    markStepKey(key(pressedAt));
    expect(entries(STEP_KEY_MARK, 'mark').map((m) => m.startTime)).toEqual([pressedAt]);
    expect(entries(STEP_RENDERED_MARK, 'mark')).toHaveLength(0);
    view.rerender(<Cursor cursor={1} />);
    await waitFor(() => expect(entries(STEP_MEASURE, 'measure')).toHaveLength(1));
    const [rendered] = entries(STEP_RENDERED_MARK, 'mark');
    expect(rendered!.startTime).toBeGreaterThanOrEqual(pressedAt);
    expect(entries(STEP_MEASURE, 'measure')[0]!.startTime).toBe(pressedAt);
  });

  it('keep only the latest key’s entries', async () => {
    const view = render(<Cursor cursor={0} />);
    markStepKey(key(performance.now()));
    view.rerender(<Cursor cursor={1} />);
    await waitFor(() => expect(entries(STEP_MEASURE, 'measure')).toHaveLength(1));
    const second = performance.now();
    markStepKey(key(second));
    expect(entries(STEP_MEASURE, 'measure')).toHaveLength(0);
    expect(entries(STEP_RENDERED_MARK, 'mark')).toHaveLength(0);
    view.rerender(<Cursor cursor={2} />);
    await waitFor(() => expect(entries(STEP_MEASURE, 'measure')).toHaveLength(1));
    expect(entries(STEP_KEY_MARK, 'mark').map((m) => m.startTime)).toEqual([second]);
  });

  it('record nothing when the cursor moves without a key (playing, seeking, a link)', async () => {
    const view = render(<Cursor cursor={0} />);
    view.rerender(<Cursor cursor={1} />);
    view.rerender(<Cursor cursor={2} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(entries(STEP_RENDERED_MARK, 'mark')).toHaveLength(0);
    expect(entries(STEP_MEASURE, 'measure')).toHaveLength(0);
  });

  it('never throw into the key handler or the render when User Timing fails', async () => {
    vi.spyOn(performance, 'mark').mockImplementation(() => {
      throw new DOMException('no User Timing here', 'NotSupportedError');
    });
    expect(() => markStepKey(key(1))).not.toThrow();
    const view = render(<Cursor cursor={0} />);
    expect(() => view.rerender(<Cursor cursor={1} />)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.getByText('step 2')).toBeInTheDocument();
  });
});
