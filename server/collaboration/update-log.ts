import { MongoBulkWriteError } from 'mongodb';
import { Types } from 'mongoose';
import { logger } from '../logger';
import { DraftSnapshotModel } from './snapshot.model';
import { DraftUpdateModel } from './update.model';

export interface Append {
  update: Uint8Array;
  clientId: string | null;
  userId: Types.ObjectId | null;
}

export interface StoredUpdate extends Append {
  seq: number;
}

interface Pending extends Append {
  resolve(seq: number): void;
  reject(err: Error): void;
}

const MAX_BATCH = 500;
const DUPLICATE_KEY = 11000;

/** Counters a benchmark or test reads to see group commit at work. */
export interface LogStats {
  updates: number;
  batches: number;
  conflicts: number;
}

/**
 * The durable, ordered log of one draft's updates, written by group commit: whatever arrives while
 * a write is in flight goes out together in the next single insert, and every caller is answered
 * only once its update is stored. Sequence numbers are taken by the inserts themselves (a unique
 * index on draft and seq), so two instances writing the same draft never share or skip a number:
 * the one that loses re-reads the head and tries again.
 */
class DraftLog {
  private pending: Pending[] = [];
  private writing = false;
  private head: number | null = null;

  private release: (() => void) | null = null;

  constructor(
    private readonly draftId: Types.ObjectId,
    private readonly stats: LogStats,
    private readonly onStored: (stored: StoredUpdate[]) => void,
    private readonly hold: () => () => void,
  ) {}

  append(entry: Append): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.pending.push({ ...entry, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // Nothing in flight may be dropped with the draft.
        this.release = this.hold();
        // One turn of the event loop lets updates that arrived together share the first write.
        setImmediate(() => void this.drain());
      }
    });
  }

  get idle(): boolean {
    return !this.writing && this.pending.length === 0;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        const stored = await this.write(batch);
        for (const [i, s] of stored.entries()) batch[i].resolve(s.seq);
        this.onStored(stored);
      } catch (err) {
        this.head = null;
        logger.error({ err, draftId: this.draftId.toHexString() }, 'storing draft updates failed');
        for (const p of batch) p.reject(err as Error);
      }
    }
    this.writing = false;
    this.release?.();
    this.release = null;
  }

  private async write(batch: Pending[]): Promise<StoredUpdate[]> {
    const stored: StoredUpdate[] = [];
    let rest = batch;
    for (let attempt = 0; rest.length > 0; attempt += 1) {
      if (attempt >= 20)
        throw new Error('could not take sequence numbers for the draft after 20 attempts');
      if (this.head === null) this.head = await headSeq(this.draftId);
      const first = this.head + 1;
      const now = new Date();
      const docs = rest.map((p, i) => ({
        draftId: this.draftId,
        seq: first + i,
        update: Buffer.from(p.update.buffer, p.update.byteOffset, p.update.byteLength),
        clientId: p.clientId,
        userId: p.userId,
        createdAt: now,
      }));
      let inserted = docs.length;
      try {
        this.stats.batches += 1;
        await DraftUpdateModel.collection.insertMany(docs, {
          ordered: true,
          writeConcern: { w: 'majority', j: true },
        });
      } catch (err) {
        if (!(err instanceof MongoBulkWriteError) || err.code !== DUPLICATE_KEY) throw err;
        // Another instance took a number first; keep what was stored, re-read the head, go on.
        inserted = err.insertedCount;
        this.stats.conflicts += 1;
      }
      for (let i = 0; i < inserted; i += 1) stored.push({ ...rest[i], seq: first + i });
      this.head = inserted === docs.length ? first + inserted - 1 : null;
      rest = rest.slice(inserted);
    }
    this.stats.updates += stored.length;
    return stored;
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

/** The logs of every draft this instance writes to. */
export class UpdateLog {
  readonly stats: LogStats = { updates: 0, batches: 0, conflicts: 0 };
  private logs = new Map<string, DraftLog>();

  constructor(
    private readonly onStored: (draftId: Types.ObjectId, stored: StoredUpdate[]) => void,
    /** Keeps the draft loaded while a write is in flight. */
    private readonly hold: (draftId: string) => () => void = () => () => {},
  ) {}

  append(draftId: Types.ObjectId, entry: Append): Promise<number> {
    const key = draftId.toHexString();
    let log = this.logs.get(key);
    if (!log) {
      log = new DraftLog(
        draftId,
        this.stats,
        (stored) => this.onStored(draftId, stored),
        () => this.hold(key),
      );
      this.logs.set(key, log);
    }
    return log.append(entry);
  }

  /** Forgets a draft with nothing in flight (its head is re-read when written again). */
  drop(draftId: string): void {
    if (this.logs.get(draftId)?.idle) this.logs.delete(draftId);
  }

  get size(): number {
    return this.logs.size;
  }
}
