import mongoose, { Types } from 'mongoose';
import { compactions } from '../core/metrics';
import { logger } from '../logger';
import { readLog } from './document-state';
import { mergeUpdatesOffThread } from './merge-off-thread';
import { DraftSnapshotModel } from './snapshot.model';
import { DraftUpdateModel } from './update.model';

/** The points between the steps of a compaction, where a crash must lose nothing. */
export type CompactionStep = 'after-merge' | 'after-snapshot';

/**
 * A draft's stored document kept in memory, encoded, holding exactly the log's entries up to
 * `seq`: what merging the snapshot and those entries gives (less the deleted text).
 */
export interface KeptState {
  seq: number;
  state: Uint8Array;
}

export interface CompactionResult {
  compacted: boolean;
  seq: number;
  merged: number;
  /** What was merged: the document an extension keeps, or the log read back. */
  from: 'memory' | 'log';
}

/**
 * Merges a draft's log into its snapshot, crash-safe without transactions:
 *  1. read the snapshot (at seq S) and the log after it, up to the head H (or take the document an
 *     extension keeps in memory, exactly as stored up to H);
 *  2. write the merged state as the snapshot at H, only if the snapshot is still at S (one
 *     atomic single-document write; a concurrent compaction makes it a no-op);
 *  3. delete the log entries up to H, now covered by the snapshot.
 * A crash before 2 leaves the old snapshot and the whole log; between 2 and 3 leaves entries the
 * snapshot covers, which readers skip (they read the log after the snapshot's seq) and the next
 * compaction deletes. Updates stored meanwhile have seq > H and are untouched. `between` runs at
 * each such point; when it throws, the compaction ends there as if the process had crashed.
 */
export async function compactDraft(
  draftId: Types.ObjectId,
  between: (step: CompactionStep) => void | Promise<void> = () => {},
  kept: () => Promise<KeptState | null> = async () => null,
): Promise<CompactionResult> {
  const before = await DraftSnapshotModel.findById(draftId, { seq: 1 }).lean();
  const fromSeq = before?.seq ?? 0;
  const inMemory = await kept();
  const fromMemory = inMemory !== null && inMemory.seq > fromSeq;
  const source = fromMemory ? 'memory' : 'log';
  const merged = fromMemory
    ? { state: inMemory.state, head: inMemory.seq, count: inMemory.seq - fromSeq }
    : await mergeLog(draftId, fromSeq);
  if (!merged) {
    // Nothing new to merge; still clear what an interrupted compaction left behind.
    await DraftUpdateModel.deleteMany({ draftId, seq: mongoose.trusted({ $lte: fromSeq }) });
    compactions.inc({ outcome: 'nothing-new', source });
    return { compacted: false, seq: fromSeq, merged: 0, from: source };
  }
  const { state, head } = merged;
  await between('after-merge');

  const snapshot = { seq: head, state: Buffer.from(state), updatedAt: new Date() };
  const written = before
    ? await DraftSnapshotModel.updateOne({ _id: draftId, seq: fromSeq }, { $set: snapshot })
    : await DraftSnapshotModel.updateOne(
        { _id: draftId },
        { $setOnInsert: snapshot },
        { upsert: true },
      );
  const wrote = before ? written.modifiedCount === 1 : written.upsertedCount === 1;
  if (!wrote) {
    logger.info(
      { draftId: draftId.toHexString() },
      'another compaction of this draft won; leaving it',
    );
    compactions.inc({ outcome: 'lost-race', source });
    return { compacted: false, seq: fromSeq, merged: 0, from: source };
  }
  await between('after-snapshot');

  await DraftUpdateModel.deleteMany({ draftId, seq: mongoose.trusted({ $lte: head }) });
  compactions.inc({ outcome: 'compacted', source });
  return { compacted: true, seq: head, merged: merged.count, from: source };
}

/**
 * The snapshot and the log after it merged, or null when the log has nothing after the snapshot.
 * Reading a thousand entries back and merging them was, under bench:coedit, as much of the
 * server's work per edit as everything else; a document kept in memory spares both.
 */
async function mergeLog(
  draftId: Types.ObjectId,
  fromSeq: number,
): Promise<{ state: Uint8Array; head: number; count: number } | null> {
  const updates: Uint8Array[] = [];
  let head = fromSeq;
  for await (const entry of readLog(draftId, 0)) {
    updates.push(entry.update);
    head = entry.seq;
  }
  if (head === fromSeq) return null;
  return { state: await mergeUpdatesOffThread(updates), head, count: updates.length };
}
