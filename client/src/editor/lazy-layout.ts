import { type SyntheticEvent, useCallback, useState } from 'react';

/**
 * Lays out a long draft's off-screen blocks lazily (`content-visibility: auto`) only until the
 * person starts working in it: while a block is skipped, Chromium places the caret by layout it
 * has not done. A paragraph made by Enter stays skipped until the next frame, and a letter typed
 * before that frame (a busy machine delays frames) got its caret put back to the paragraph's
 * start, so the rest of the sentence went in before it ("entence… S"). Reading keeps the fast
 * open; the first focus, click or key lays the whole draft out once.
 */
export function useLazyLayout(): { lazy: boolean; wake: (e: SyntheticEvent<HTMLElement>) => void } {
  const [lazy, setLazy] = useState(true);
  const wake = useCallback((e: SyntheticEvent<HTMLElement>) => {
    // At once, before the browser handles the event: React applies the state after it.
    e.currentTarget.classList.remove('lazy-layout');
    setLazy(false);
  }, []);
  return { lazy, wake };
}
