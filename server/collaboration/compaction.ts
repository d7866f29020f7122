import mongoose, { Types } from 'mongoose';
import { compactions } from '../core/metrics';
import { logger } from '../logger';
import { readLog } from './document-state';
import { mergeUpdatesOffThread } from './merge-off-thread';
import { DraftSnapshotModel } from './snapshot.model';
import { DraftUpdateModel } from './update.model';

/** The points between the steps of a compaction, where a crash must lose nothing. */
export type CompactionStep = 'after-merge' | 'after-snapshot';

export interface CompactionResult {
  compacted: boolean;
  seq: number;
  merged: number;
}

/**
 * Merges a draft's log into its snapshot, crash-safe without transactions:
 *  1. read the snapshot (at seq S) and the log after it, up to the head H;
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
): Promise<CompactionResult> {
  const before = await DraftSnapshotModel.findById(draftId, { seq: 1 }).lean();
  const fromSeq = before?.seq ?? 0;
  const updates: Uint8Array[] = [];
  let head = fromSeq;
  for await (const entry of readLog(draftId, 0)) {
    updates.push(entry.update);
    head = entry.seq;
  }
  if (head === fromSeq) {
    // Nothing new to merge; still clear what an interrupted compaction left behind.
    await DraftUpdateModel.deleteMany({ draftId, seq: mongoose.trusted({ $lte: fromSeq }) });
    compactions.inc({ outcome: 'nothing-new' });
    return { compacted: false, seq: fromSeq, merged: 0 };
  }
  const state = await mergeUpdatesOffThread(updates);
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
    compactions.inc({ outcome: 'lost-race' });
    return { compacted: false, seq: fromSeq, merged: 0 };
  }
  await between('after-snapshot');

  await DraftUpdateModel.deleteMany({ draftId, seq: mongoose.trusted({ $lte: head }) });
  compactions.inc({ outcome: 'compacted' });
  return { compacted: true, seq: head, merged: updates.length };
}
