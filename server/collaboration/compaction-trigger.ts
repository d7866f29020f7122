import type { Types } from 'mongoose';
import { logger } from '../logger';
import type { CollaborationCore, CollaborationExtension } from './extension';
import { DraftUpdateModel } from './update.model';
import type { StoredUpdate } from './update-log';

/** A log this many times the bound is compacted at once, however recent the last compaction. */
const OVERDUE_FACTOR = 10;
/** How soon a deferred compaction looks again when it found the draft being compacted. */
const BUSY_RETRY_MS = 1_000;

/**
 * Compacts a draft once `every` updates were stored for it. The count starts from the log's
 * length in the database when the draft is loaded, so a draft that is opened and left many times
 * (or a restart) does not let its log grow past the bound unnoticed.
 *
 * A compaction costs the same whatever it merges (the whole document encoded and written, the
 * merged entries deleted), so under heavy typing it runs at most once per `minIntervalMs` per
 * draft: 20 people typing 10 keys a second reached the bound every 5 s, and compacting that
 * often was two fifths of the database's work. A log ten times the bound is compacted at once.
 */
export class CompactionTrigger implements CollaborationExtension {
  readonly name = 'compactionTrigger';
  private counts = new Map<string, number>();
  /** Drafts due for compaction, in the order they became due. */
  private queue = new Map<string, Types.ObjectId>();
  private running = false;
  /** When each draft loaded here was last queued for compaction. */
  private lastQueued = new Map<string, number>();
  /** Drafts due but compacted too recently: checked again once the interval has passed. */
  private deferred = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly core: Pick<CollaborationCore, 'hold' | 'compact' | 'isCompacting'>,
    private readonly every: number,
    private readonly minIntervalMs = 0,
    /** How many entries the draft's log holds (read once per load). */
    private readonly logLength = (draftId: Types.ObjectId): Promise<number> =>
      DraftUpdateModel.countDocuments({ draftId }).exec(),
  ) {}

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const id = draftId.toHexString();
    const known = this.counts.get(id);
    this.counts.set(id, (known ?? 0) + stored.length);
    if (known === undefined) {
      const release = this.core.hold(id);
      this.logLength(draftId)
        .then((inLog) => {
          const counted = this.counts.get(id);
          if (counted === undefined) return;
          this.counts.set(id, Math.max(counted, inLog));
          this.check(draftId);
        })
        .catch((err) =>
          logger.warn(
            { err, draftId: id },
            'could not count the draft log; compaction counts from here',
          ),
        )
        .finally(release);
    }
    this.check(draftId);
  }

  onUnload(draftId: string): void {
    // A deferred compaction is not lost: the count starts again from the log at the next load.
    clearTimeout(this.deferred.get(draftId));
    this.deferred.delete(draftId);
    this.counts.delete(draftId);
    this.lastQueued.delete(draftId);
  }

  onDestroy(): void {
    for (const timer of this.deferred.values()) clearTimeout(timer);
    this.deferred.clear();
  }

  stats(): Record<string, number> {
    return {
      counts: this.counts.size,
      compactionsWaiting: this.queue.size,
      compactionsDeferred: this.deferred.size,
    };
  }

  private check(draftId: Types.ObjectId, deferred = false): void {
    const id = draftId.toHexString();
    const count = this.counts.get(id) ?? 0;
    if (count < this.every) return;
    // While a run is under way or waits, counting goes on: what it did not read is compacted by
    // the next, which the next stored edit asks for. A deferred one may have no edit after it
    // (typing stopped): it looks again soon.
    if (this.core.isCompacting(id)) {
      if (deferred) this.defer(draftId, BUSY_RETRY_MS);
      return;
    }
    if (this.queue.has(id)) return;
    const wait = (this.lastQueued.get(id) ?? -Infinity) + this.minIntervalMs - Date.now();
    if (wait > 0 && count < this.every * OVERDUE_FACTOR) {
      this.defer(draftId, wait);
      return;
    }
    clearTimeout(this.deferred.get(id));
    this.deferred.delete(id);
    this.counts.set(id, 0);
    this.lastQueued.set(id, Date.now());
    this.queue.set(id, draftId);
    void this.drain();
  }

  private defer(draftId: Types.ObjectId, wait: number): void {
    const id = draftId.toHexString();
    if (this.deferred.has(id)) return;
    const timer = setTimeout(() => {
      this.deferred.delete(id);
      this.check(draftId, true);
    }, wait);
    timer.unref();
    this.deferred.set(id, timer);
  }

  /**
   * Compactions run one at a time. Drafts typed in at the same pace reach the bound together
   * (20 drafts of the soak, within a second), and twenty compactions at once (each reads a
   * thousand updates, writes a snapshot and deletes them) held the database long enough for the
   * editors' acknowledgements to stall for seconds, and with them the edits queued behind.
   */
  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const [id, draftId] of this.queue) {
        this.queue.delete(id);
        await this.core
          .compact(draftId)
          .catch((err) =>
            logger.error({ err, draftId: id }, 'compaction failed; the log stays as it is'),
          );
      }
    } finally {
      this.running = false;
    }
  }
}
