import { performance } from 'node:perf_hooks';

/**
 * Gives the event loop a turn whenever a long piece of work has run for `sliceMs` since its last
 * turn. A recorder counting a large batch of edits held the loop 10–25 ms at a time, and every
 * edit arriving meanwhile waited that long before reaching the other editors.
 */
export class TimeSlice {
  private since = performance.now();

  constructor(private readonly sliceMs = 2) {}

  /** Resolves at once while within the slice; otherwise after the loop's pending I/O has run. */
  async pause(): Promise<void> {
    if (performance.now() - this.since < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
