import mongoose, { Types } from 'mongoose';
import { bulkUpdate } from '../modules/shared/bulk-update';
import { bytes } from './document-state';
import { DraftHistoryProgressModel } from './history-progress.model';
import { DraftUpdateModel } from './update.model';

/** Which recorder's progress (see history-progress.model.ts). */
export type ProgressField = 'attributionSeq' | 'revisionSeq';

/** A log entry as the recorders catch up from it: who sent it and when it was stored. */
export interface LoggedEdit {
  seq: number;
  update: Uint8Array;
  userId: Types.ObjectId | null;
  createdAt: Date;
}

/** The highest log seq of the draft whose history the recorder has written (0: none). */
export async function recordedSeq(draftId: Types.ObjectId, field: ProgressField): Promise<number> {
  const progress = await DraftHistoryProgressModel.findById(draftId, { [field]: 1 }).lean();
  return progress?.[field] ?? 0;
}

/** The log entries of a draft after `afterSeq`, in order (those compaction deleted are gone). */
export async function* loggedAfter(
  draftId: Types.ObjectId,
  afterSeq: number,
): AsyncGenerator<LoggedEdit> {
  const cursor = DraftUpdateModel.find(
    { draftId, seq: mongoose.trusted({ $gt: afterSeq }) },
    { seq: 1, update: 1, userId: 1, createdAt: 1 },
  )
    .sort({ seq: 1 })
    .lean()
    // Each batch becomes objects in one go on the event loop: 500 entries held it ~20 ms, during
    // which no edit was relayed; 100 keep that under a few.
    .cursor({ batchSize: 100 });
  for await (const e of cursor)
    yield { seq: e.seq, update: bytes(e.update), userId: e.userId ?? null, createdAt: e.createdAt };
}

/**
 * Moves the recorders' progress forward ($max: never back), one statement per draft, through
 * `bulkUpdate`. Called in the same lane run as the records it stands for, right after them.
 */
export async function writeProgress(field: ProgressField, seqs: Map<string, number>) {
  if (seqs.size === 0) return;
  await bulkUpdate(
    DraftHistoryProgressModel,
    [...seqs].map(([id, seq]) => ({
      updateOne: {
        filter: { _id: new Types.ObjectId(id) },
        update: { $max: { [field]: seq } },
        upsert: true,
      },
    })),
  );
}

/**
 * The progress a recorder has seen and not written yet, per draft. A draft whose records failed to
 * be written is "stale": its progress stays where it is in the database until a catch-up from the
 * log has recorded it again (so later batches do not move it past what was lost).
 */
export class PendingProgress {
  private seqs = new Map<string, number>();
  private stale = new Set<string>();
  /** Drafts being caught up: what is seen meanwhile waits until the catch-up's records are queued. */
  private held = new Map<string, number>();

  note(draftId: string, seq: number): void {
    if (this.stale.has(draftId)) return;
    const held = this.held.get(draftId);
    if (held !== undefined) this.held.set(draftId, Math.max(held, seq));
    else this.seqs.set(draftId, Math.max(this.seqs.get(draftId) ?? 0, seq));
  }

  /** What the next write carries; cleared here. */
  take(): Map<string, number> {
    const taken = this.seqs;
    this.seqs = new Map();
    return taken;
  }

  /** The records of these drafts were not written: hold their progress back. */
  failed(draftIds: Iterable<string>): void {
    for (const id of draftIds) {
      this.stale.add(id);
      this.seqs.delete(id);
    }
  }

  /**
   * A catch-up from the log starts for the draft: what it records moves the progress again, once
   * it has queued its records (`caughtUp`), so that no write moves the progress past entries
   * it is still reading (a kill then would lose them).
   */
  catchingUp(draftId: string): void {
    this.stale.delete(draftId);
    this.held.set(draftId, 0);
  }

  caughtUp(draftId: string): void {
    const held = this.held.get(draftId);
    this.held.delete(draftId);
    if (held) this.note(draftId, held);
  }

  /** Whether a write of the draft's records failed since its last catch-up. */
  isStale(draftId: string): boolean {
    return this.stale.has(draftId);
  }

  forget(draftId: string): void {
    this.seqs.delete(draftId);
  }

  get size(): number {
    return this.seqs.size + this.stale.size + this.held.size;
  }
}

/** Runs `fn` after `ms`, or on the next turn of the event loop. */
export function later(ms: number, fn: () => void): void {
  if (ms > 0) setTimeout(fn, ms);
  else setImmediate(fn);
}
