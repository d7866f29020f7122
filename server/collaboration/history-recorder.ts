import { logger } from '../logger';
import type { CompactionStep } from './compaction';
import type { CollaborationCore } from './extension';
import { later, PendingProgress, type ProgressField, writeProgress } from './history-progress';
import type { WriteLane } from './write-lane';

/** What waits for a recorder's next write, across drafts (one write for all, like the log's). */
export interface RecorderBatch<T> {
  items: T[];
  /** The drafts in it, each held loaded until the batch is written. */
  drafts: Map<string, () => void>;
  /** Per draft, the highest seq the batch stands for (written with it, see history-progress). */
  progress: Map<string, number>;
  done: Promise<void>;
  resolve: () => void;
}

/** How a recorder's failures are told in the log. */
export interface RecorderFailures {
  /** A batch could not be written. */
  write: string;
  /** A draft's log could not be read back to catch up. */
  catchUp: string;
}

/**
 * What the attribution and revisions recorders share. Their records are written in batches across
 * drafts: one write under way, the next gathering (under steady typing, one write per interval),
 * each with the log seq it stands for per draft (`DraftHistoryProgress`). What a kill -9 kept from
 * being written is caught up from the log once per load of a draft (the entries stored before this
 * process started); what a failed write lost, before a compaction deletes the log.
 */
export abstract class HistoryRecorder<T> {
  protected readonly progress = new PendingProgress();
  /** Per draft being caught up from the log, the run. */
  protected readonly catchUps = new Map<string, Promise<void>>();
  /** Entries stored before this are another process's: caught up on load. */
  private readonly startedAt = new Date();
  /** Drafts whose load catch-up ran (or runs) since they were loaded here. */
  private readonly caughtUp = new Set<string>();
  private next: RecorderBatch<T> | null = null;
  private inFlight: RecorderBatch<T> | null = null;

  constructor(
    protected readonly core: Pick<CollaborationCore, 'hold'>,
    protected readonly lane: WriteLane,
    /** Wait before each write (tests of a kill before it; 0 in use). */
    private readonly delayMs: number,
    /** Where its progress is written (recordedSeq, writeProgress). */
    protected readonly field: ProgressField,
    private readonly failures: RecorderFailures,
  ) {}

  /** Writes the batch's records and its progress (after them, in one run of the lane). */
  protected abstract writeBatch(batch: RecorderBatch<T>): Promise<void>;

  /** A write of these drafts failed: what is kept of them is read again when next needed. */
  protected abstract forgetFailed(draftIds: string[]): void;

  /**
   * Records the draft's log entries after its written progress that are not recorded yet (stored
   * before `storedBefore`, when given); resolves once their records are queued.
   */
  protected abstract readUnrecorded(draftId: string, storedBefore: Date | null): Promise<void>;

  /** The batch was written. */
  protected written(_batch: RecorderBatch<T>): void {}

  /** The draft's catch-up ended (its records are queued, or it failed). */
  protected caughtUpWith(_draftId: string): void {}

  onOpened(draftId: string): void {
    void this.loadCatchUp(draftId);
  }

  /**
   * Once per load of the draft here (when it is opened, or first asked about): the entries a
   * previous process stored and did not record.
   */
  private loadCatchUp(draftId: string): Promise<void> {
    if (this.caughtUp.has(draftId)) return this.catchUps.get(draftId) ?? Promise.resolve();
    // Before catchUp holds the draft, whose opening calls this again.
    this.caughtUp.add(draftId);
    return this.catchUp(draftId, this.startedAt);
  }

  /** One catch-up per draft at a time (see `readUnrecorded`). */
  protected catchUp(draftId: string, storedBefore: Date | null): Promise<void> {
    const running = this.catchUps.get(draftId);
    if (running) return running;
    const release = this.core.hold(draftId);
    this.progress.catchingUp(draftId);
    const run = this.readUnrecorded(draftId, storedBefore)
      .catch((err: Error) => {
        this.caughtUp.delete(draftId);
        logger.warn({ err, draftId }, this.failures.catchUp);
      })
      .finally(() => {
        this.catchUps.delete(draftId);
        this.caughtUpWith(draftId);
        this.progress.caughtUp(draftId);
        release();
      });
    this.catchUps.set(draftId, run);
    return run;
  }

  /** Adds records of a draft to the next write. */
  protected add(draftId: string, items: T[]): void {
    if (!this.next) {
      let resolve = () => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      this.next = { items: [], drafts: new Map(), progress: new Map(), done, resolve };
      if (!this.inFlight) later(this.delayMs, () => this.write());
    }
    this.next.items.push(...items);
    if (!this.next.drafts.has(draftId)) this.next.drafts.set(draftId, this.core.hold(draftId));
  }

  private write(): void {
    const batch = this.next;
    if (!batch || this.inFlight) return;
    this.next = null;
    this.inFlight = batch;
    // Everything seen so far, recorded or not, is written by now (records are added with it).
    batch.progress = this.progress.take();
    this.writeBatch(batch)
      .then(() => this.written(batch))
      .catch((err: Error) => {
        // Caught up from the log when the draft is next loaded, or before the next compaction.
        this.forgetFailed([...batch.drafts.keys()]);
        this.progress.failed([...batch.drafts.keys(), ...batch.progress.keys()]);
        logger.warn({ err }, this.failures.write);
      })
      .finally(() => {
        this.inFlight = null;
        for (const release of batch.drafts.values()) release();
        batch.resolve();
        if (this.next) later(this.delayMs, () => this.write());
      });
  }

  /** Resolves once what was stored so far for this draft is recorded. */
  async flushed(draftId: string): Promise<void> {
    await this.loadCatchUp(draftId);
    await this.catchUps.get(draftId);
    const inFlight = this.inFlight;
    if (inFlight?.drafts.has(draftId)) await inFlight.done;
    const next = this.next;
    if (!next?.drafts.has(draftId)) return;
    // Someone is waiting for it (a compaction, a version): written now, not at the interval's end.
    if (!this.inFlight && this.next === next) this.write();
    await next.done;
  }

  /**
   * Before a compaction writes its snapshot (and later deletes the log), the records are written;
   * and what a failed write kept from being recorded is recorded now from the log, which still has
   * each update's sender and time (what a kill kept is caught up on load, awaited here).
   */
  async onCompactionStep(draftId: string, step: CompactionStep): Promise<void> {
    if (step !== 'after-merge') return;
    await this.flushed(draftId);
    // Only then: reading the log back on every compaction scanned and decoded each entry again
    // while people typed (16 ms of the event loop per compaction in bench:coedit).
    if (!this.progress.isStale(draftId)) return;
    await this.catchUp(draftId, null);
    await this.flushed(draftId);
  }

  onUnload(draftId: string): void {
    this.caughtUp.delete(draftId);
    this.progress.forget(draftId);
  }

  /** Writes under way or gathering, and drafts being caught up. */
  protected batchStats(): Record<string, number> {
    return {
      writing: (this.inFlight ? 1 : 0) + (this.next ? 1 : 0),
      catchingUp: this.catchUps.size,
    };
  }

  /** Waits for the catch-ups and writes, then writes the progress no record carried. */
  protected async drain(): Promise<void> {
    await Promise.allSettled(this.catchUps.values());
    while (this.inFlight || this.next) await (this.inFlight ?? this.next)?.done;
    // Progress with no record to carry it (edits that named no new author, deleted nothing).
    const rest = this.progress.take();
    if (rest.size > 0)
      await this.lane.run(() => writeProgress(this.field, rest)).catch(() => undefined);
  }
}
