import { MongoBulkWriteError } from 'mongodb';
import { Types } from 'mongoose';
import { DUPLICATE_KEY } from '../core/duplicate-key';
import { commitBatchSize, storeLatency, updatesStored } from '../core/metrics';
import { logger } from '../logger';
import type { UpdateTicket } from '../pubsub/topics';
import { DraftSnapshotModel } from './snapshot.model';
import { DraftUpdateModel } from './update.model';
import { WriteLane } from './write-lane';

export interface Append {
  update: Uint8Array;
  clientId: string | null;
  userId: Types.ObjectId | null;
  /** Set when the update was sent to the editors before it was stored. */
  ticket?: UpdateTicket;
  /** The update in base64 as received, to announce it without encoding it again. */
  encoded?: string;
}

export interface StoredUpdate extends Append {
  seq: number;
}

interface Pending extends Append {
  resolve(seq: number): void;
  reject(err: Error): void;
}

const MAX_ATTEMPTS = 20;

export interface UpdateLogOptions {
  /** Shortest time between two writes: what arrives meanwhile goes out in the next one. */
  commitIntervalMs: number;
  /** Most updates in one insert. */
  maxBatch: number;
}

// Each insert costs the embedded database about 0.8 ms of CPU whatever it holds, each update in it
// some 50 µs more: 250 ms rather than 100 takes the log's share under steady typing from about 2 %
// of a core to 1.3 %. Edits reach the other editors at once as before; a lone edit after a pause is
// written at once too; only under steady typing does the "saved" acknowledgement wait up to this.
const DEFAULTS: UpdateLogOptions = { commitIntervalMs: 250, maxBatch: 1000 };

/** Counters a benchmark or test reads to see group commit at work. */
export interface LogStats {
  updates: number;
  batches: number;
  conflicts: number;
}

/** An update of a batch with the seq it is inserted under. */
interface Numbered {
  queue: DraftQueue;
  entry: Pending;
  seq: number;
}

/** What the log keeps for one draft with writes pending or in flight. */
interface DraftQueue {
  draftId: Types.ObjectId;
  pending: Pending[];
  /** Updates of this draft in the write under way. */
  inFlight: number;
  /** Highest seq known stored; re-read from the database when unknown. */
  head: number | null;
  /** Attempts of the oldest pending update (sequence number conflicts with another instance). */
  attempts: number;
  release: (() => void) | null;
}

/**
 * The durable, ordered logs of every draft this instance writes to, written by group commit:
 * whatever arrives while a write is in flight, or within the commit interval after it, goes out
 * together in the next single insert, across drafts, and every caller is answered only once its
 * update is stored. Sequence numbers are taken by the inserts themselves (a unique index on draft
 * and seq), so two instances writing the same draft never share or skip a number: an update whose
 * number was taken by the other is numbered again after a fresh read of the head.
 */
export class UpdateLog {
  readonly stats: LogStats = { updates: 0, batches: 0, conflicts: 0 };
  private readonly drafts = new Map<string, DraftQueue>();
  private readonly options: UpdateLogOptions;
  private writing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastWriteAt = 0;
  private backlogUpdates = 0;
  private backlogBytes = 0;

  constructor(
    private readonly onStored: (draftId: Types.ObjectId, stored: StoredUpdate[]) => void,
    /** Keeps the draft loaded while a write is pending or in flight. */
    private readonly hold: (draftId: string) => () => void = () => () => {},
    options: Partial<UpdateLogOptions> = {},
    private readonly lane = new WriteLane(),
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  append(draftId: Types.ObjectId, entry: Append): Promise<number> {
    const key = draftId.toHexString();
    let queue = this.drafts.get(key);
    if (!queue) {
      queue = { draftId, pending: [], inFlight: 0, head: null, attempts: 0, release: null };
      this.drafts.set(key, queue);
    }
    // Nothing pending may be dropped with the draft.
    queue.release ??= this.hold(key);
    const target = queue;
    const bytes = entry.update.byteLength;
    this.backlogUpdates += 1;
    this.backlogBytes += bytes;
    const settled = () => {
      this.backlogUpdates -= 1;
      this.backlogBytes -= bytes;
    };
    return new Promise<number>((resolve, reject) => {
      target.pending.push({
        ...entry,
        resolve: (seq) => {
          settled();
          resolve(seq);
        },
        reject: (err) => {
          settled();
          reject(err);
        },
      });
      this.schedule();
    });
  }

  /** Forgets a draft with nothing pending (its head is re-read when written again). */
  drop(draftId: string): void {
    const queue = this.drafts.get(draftId);
    if (queue && queue.pending.length === 0 && queue.inFlight === 0) this.drafts.delete(draftId);
  }

  get size(): number {
    return this.drafts.size;
  }

  /** Updates accepted and not stored yet, across drafts. */
  /** Updates accepted and not stored yet (pending or in flight), across drafts, and their size. */
  get backlog(): { updates: number; bytes: number } {
    return { updates: this.backlogUpdates, bytes: this.backlogBytes };
  }

  private schedule(): void {
    if (this.writing || this.timer) return;
    const wait = this.lastWriteAt + this.options.commitIntervalMs - Date.now();
    // At least one turn of the event loop, so that updates that arrived together share a write.
    if (wait <= 0) {
      this.timer = setTimeout(() => void this.drain(), 0);
    } else {
      this.timer = setTimeout(() => void this.drain(), wait);
    }
  }

  private async drain(): Promise<void> {
    this.timer = null;
    this.writing = true;
    try {
      await this.write(this.take());
    } finally {
      this.writing = false;
      this.lastWriteAt = Date.now();
      for (const queue of this.drafts.values()) {
        if (queue.pending.length > 0 || queue.inFlight > 0) continue;
        queue.release?.();
        queue.release = null;
      }
      if (this.backlogUpdates > 0) this.schedule();
    }
  }

  /** The next batch: each draft's oldest pending updates, drafts in turn, up to the batch size. */
  private take(): Map<DraftQueue, Pending[]> {
    const batch = new Map<DraftQueue, Pending[]>();
    let room = this.options.maxBatch;
    for (const queue of this.drafts.values()) {
      if (room === 0) break;
      if (queue.pending.length === 0) continue;
      const taken = queue.pending.splice(0, room);
      queue.inFlight += taken.length;
      room -= taken.length;
      batch.set(queue, taken);
    }
    return batch;
  }

  private async write(batch: Map<DraftQueue, Pending[]>): Promise<void> {
    if (batch.size === 0) return;
    const outcome = await this.insert(batch);
    for (const [queue, entries] of batch) queue.inFlight -= entries.length;
    if (outcome instanceof Error) this.fail(batch, outcome);
    else this.settle(outcome.docs, outcome.failed);
  }

  /**
   * Numbers the batch from each draft's head and inserts it: the documents with the write errors
   * by index, or the error that failed the whole batch.
   */
  private async insert(
    batch: Map<DraftQueue, Pending[]>,
  ): Promise<{ docs: Numbered[]; failed: Map<number, number> } | Error> {
    try {
      await Promise.all(
        [...batch.keys()]
          .filter((q) => q.head === null)
          .map(async (q) => {
            q.head = await headSeq(q.draftId);
          }),
      );
    } catch (err) {
      return err as Error;
    }
    const now = new Date();
    const docs: Numbered[] = [];
    for (const [queue, entries] of batch) {
      const head = queue.head ?? 0;
      entries.forEach((entry, i) => {
        docs.push({ queue, entry, seq: head + 1 + i });
      });
    }
    const failed = new Map<number, number>();
    const timer = storeLatency.startTimer();
    try {
      this.stats.batches += 1;
      commitBatchSize.observe(docs.length);
      await this.lane.run(() =>
        DraftUpdateModel.collection.insertMany(
          docs.map(({ queue, entry, seq }) => ({
            draftId: queue.draftId,
            seq,
            update: Buffer.from(
              entry.update.buffer,
              entry.update.byteOffset,
              entry.update.byteLength,
            ),
            clientId: entry.clientId,
            userId: entry.userId,
            createdAt: now,
          })),
          { ordered: false, writeConcern: { w: 'majority', j: true } },
        ),
      );
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError)) return err as Error;
      const writeErrors = (
        Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors]
      ).filter(Boolean);
      // Only an answer that accounts for every document says which were stored; anything else
      // (the database went away mid-write) is a failure of the whole batch, answered as such.
      if (writeErrors.length === 0 || err.insertedCount + writeErrors.length !== docs.length)
        return err;
      for (const e of writeErrors) failed.set(e.index, e.code);
    } finally {
      timer();
    }
    updatesStored.inc(docs.length - failed.size);
    return { docs, failed };
  }

  /** Answers the stored, numbers again those whose seq another instance took, refuses the rest. */
  private settle(docs: Numbered[], failed: Map<number, number>): void {
    const stored = new Map<DraftQueue, StoredUpdate[]>();
    const retry = new Map<DraftQueue, Pending[]>();
    docs.forEach(({ queue, entry, seq }, i) => {
      const code = failed.get(i);
      if (code === undefined) {
        const list = stored.get(queue) ?? [];
        stored.set(queue, list);
        list.push({
          update: entry.update,
          clientId: entry.clientId,
          userId: entry.userId,
          ticket: entry.ticket,
          encoded: entry.encoded,
          seq,
        });
        entry.resolve(seq);
        queue.head = Math.max(queue.head ?? 0, seq);
        return;
      }
      if (code !== DUPLICATE_KEY) {
        entry.reject(new Error(`storing a draft update failed (database error ${code})`));
        return;
      }
      const list = retry.get(queue) ?? [];
      retry.set(queue, list);
      list.push(entry);
    });
    for (const [queue, entries] of retry) {
      this.stats.conflicts += 1;
      queue.head = null;
      queue.attempts += 1;
      if (queue.attempts >= MAX_ATTEMPTS) {
        const err = new Error(
          `could not take sequence numbers for the draft after ${MAX_ATTEMPTS} attempts`,
        );
        for (const e of entries) e.reject(err);
        queue.attempts = 0;
        continue;
      }
      // Ahead of newer updates, in their order.
      queue.pending.unshift(...entries);
    }
    for (const [queue, list] of stored) {
      if (!retry.has(queue)) queue.attempts = 0;
      this.stats.updates += list.length;
      this.onStored(queue.draftId, list);
    }
  }

  private fail(batch: Map<DraftQueue, Pending[]>, err: Error): void {
    for (const [queue, entries] of batch) {
      queue.head = null;
      logger.error({ err, draftId: queue.draftId.toHexString() }, 'storing draft updates failed');
      for (const e of entries) e.reject(err);
    }
  }
}

/** The last sequence number of a draft: its newest update, or its snapshot when the log is compacted away. */
export async function headSeq(draftId: Types.ObjectId): Promise<number> {
  const [last, snapshot] = await Promise.all([
    DraftUpdateModel.findOne({ draftId }, { seq: 1 }).sort({ seq: -1 }).lean(),
    DraftSnapshotModel.findById(draftId, { seq: 1 }).lean(),
  ]);
  return Math.max(last?.seq ?? 0, snapshot?.seq ?? 0);
}
