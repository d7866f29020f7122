/**
 * Runs the co-editing layer's database writes one at a time: the update log's inserts, the
 * dashboard summaries, the attribution records. The embedded database (FerretDB on SQLite)
 * has one writer at a time, so concurrent writes from this server only queue at its lock; in one
 * lane each write waits only for the one before it, and the log's inserts are not held up behind
 * several summary writes at once.
 *
 * A write that never answers holds the lane: the 30 s stalls first blamed on concurrency were one
 * update command of over 100 statements that FerretDB never answers (see modules/shared/bulk-update.ts).
 */
export class WriteLane {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  run<T>(write: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const result = this.tail.then(write, write);
    this.tail = result.then(
      () => this.done(),
      () => this.done(),
    );
    return result;
  }

  /** Writes waiting or under way. */
  get size(): number {
    return this.queued;
  }

  private done(): void {
    this.queued -= 1;
  }
}
