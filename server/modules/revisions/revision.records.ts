import mongoose, { type AnyBulkWriteOperation, type Types } from 'mongoose';
import { bulkUpdate } from '../shared/bulk-update';
import { UserModel } from '../users/user.model';
import { type DraftRevisionDoc, DraftRevisionModel } from './revision.model';

/** What the recorder keeps of a revision it may still extend. */
export interface OpenRevision {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  openUntil: Date;
  closed: boolean;
}

/**
 * Per draft (hex id), the latest revision of each author (hex id) still open at `now`, as
 * stored: one query for all the drafts a batch starts recording.
 */
export async function loadOpenRevisions(
  draftIds: Types.ObjectId[],
  now: Date,
): Promise<Map<string, Map<string, OpenRevision>>> {
  const byDraft = new Map<string, Map<string, OpenRevision>>(
    draftIds.map((id) => [id.toHexString(), new Map()]),
  );
  if (draftIds.length === 0) return byDraft;
  // Those whose gap ran out stay `closed: false` (closing by the gap writes nothing): skipped.
  const open = await DraftRevisionModel.find(
    {
      draftId: mongoose.trusted({ $in: draftIds }),
      closed: false,
      openUntil: mongoose.trusted({ $gt: now }),
    },
    { draftId: 1, userId: 1, openUntil: 1, closed: 1, startedAt: 1 },
  )
    .sort({ startedAt: 1 })
    .lean();
  for (const r of open)
    byDraft.get(r.draftId.toHexString())?.set(r.userId.toHexString(), {
      _id: r._id,
      userId: r.userId,
      openUntil: r.openUntil,
      closed: r.closed,
    });
  return byDraft;
}

/**
 * Per author (hex id) of the draft, the last seq of their revisions that reach past `afterSeq`:
 * the edits a recorder's write stored with its revisions but without its progress (a kill between
 * the two), which a catch-up from the log must not count again.
 */
export async function lastSeqsByAuthor(
  draftId: Types.ObjectId,
  afterSeq: number,
): Promise<Map<string, number>> {
  const found = await DraftRevisionModel.find(
    { draftId, lastSeq: mongoose.trusted({ $gt: afterSeq }) },
    { userId: 1, lastSeq: 1 },
  ).lean();
  const last = new Map<string, number>();
  for (const r of found) {
    const author = r.userId.toHexString();
    last.set(author, Math.max(last.get(author) ?? 0, r.lastSeq));
  }
  return last;
}

/** Delegations of the given people now, for the revisions they open. */
export async function delegationsOf(
  userIds: Types.ObjectId[],
): Promise<Map<string, Types.ObjectId | null>> {
  if (userIds.length === 0) return new Map();
  const users = await UserModel.find(
    { _id: mongoose.trusted({ $in: userIds }) },
    { delegationId: 1 },
  ).lean();
  return new Map(users.map((u) => [u._id.toHexString(), u.delegationId ?? null]));
}

/** A new revision, with everything its first edits of a batch brought. */
export type NewRevision = Omit<DraftRevisionDoc, 'closed'> & { closed: boolean };

/** What a batch adds to a revision already stored. */
export interface RevisionGrowth {
  _id: Types.ObjectId;
  wordsInserted: number;
  wordsDeleted: number;
  edits: number;
  /** Unset when the batch only closes it. */
  endedAt: Date | null;
  openUntil: Date | null;
  lastSeq: number | null;
  closed: boolean;
}

/**
 * Writes a batch of the recorder's: inserts of new revisions and one update statement per
 * revision grown or closed, through `bulkUpdate` (never one update command of 100 statements or
 * more, which the embedded FerretDB never answers).
 */
export async function writeRevisions(
  created: NewRevision[],
  grown: RevisionGrowth[],
): Promise<void> {
  if (created.length > 0) await DraftRevisionModel.insertMany(created, { ordered: false });
  const ops: AnyBulkWriteOperation<DraftRevisionDoc>[] = grown.map((g) => {
    const max: Record<string, Date | number> = {};
    if (g.endedAt) max.endedAt = g.endedAt;
    if (g.openUntil) max.openUntil = g.openUntil;
    if (g.lastSeq !== null) max.lastSeq = g.lastSeq;
    return {
      updateOne: {
        filter: { _id: g._id },
        update: {
          $inc: { wordsInserted: g.wordsInserted, wordsDeleted: g.wordsDeleted, edits: g.edits },
          ...(Object.keys(max).length > 0 ? { $max: max } : {}),
          ...(g.closed ? { $set: { closed: true } } : {}),
        },
      },
    };
  });
  await bulkUpdate(DraftRevisionModel, ops);
}
