import { useEffect, useState } from 'react';

/** Longest wait for a frame: a page in a background tab gets none. */
const FALLBACK_MS = 200;

/**
 * False until `ready` has been true and the browser has since painted a frame; then true for
 * good. What is shown behind it waits for what came first to be on screen, rather than holding
 * it up in the same task.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    const show = () => setPainted(true);
    let timer = 0;
    // A task queued from a frame's callback runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = window.setTimeout(show);
    });
    timer = window.setTimeout(show, FALLBACK_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
