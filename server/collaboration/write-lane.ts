/**
 * Runs the co-editing layer's database writes one at a time: the update log's inserts and the
 * dashboard summaries (and whatever a feature adds). The embedded database (FerretDB on SQLite)
 * has one writer at a time; concurrent write transactions from the same server were seen to stall
 * each other (the log's insert waiting over 30 s while summary and attribution writes were under
 * way). In one lane, each write waits only for the one before it.
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
