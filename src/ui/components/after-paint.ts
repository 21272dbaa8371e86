// Work that can wait until the browser has shown the next frame: a task posted from the next animation frame
// callback runs once that frame's style, layout and paint are done. The player writes the step's address this
// way, so that the address (and the hashchange it sets off) never delays the frame that shows the new step; the
// stepping marks use it to time that frame. Where there are no animation frames (tests, a hidden tab's
// timers aside), a plain task does. Callbacks run in the order they were queued, `first` ones before the rest.

type Job = () => void;

const queue: Job[] = [];
let scheduled = false;
let channel: MessageChannel | undefined;

function flush() {
  scheduled = false;
  for (const job of queue.splice(0)) {
    try {
      job();
    } catch (error) {
      // One job's failure must not stop the others, nor vanish: it goes to the page's error handlers.
      if (typeof reportError === 'function') reportError(error);
      else
        setTimeout(() => {
          throw error;
        }, 0);
    }
  }
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    setTimeout(flush, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = flush;
  }
  const port = channel.port2;
  requestAnimationFrame(() => port.postMessage(null));
}

/** Runs `job` after the next frame is painted; the returned function cancels it if it has not run yet. */
export function afterNextPaint(job: Job, options: { first?: boolean } = {}): () => void {
  if (options.first) queue.unshift(job);
  else queue.push(job);
  schedule();
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
