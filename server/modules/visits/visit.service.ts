import { MongoServerError } from 'mongodb';
import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { appError, ErrorCode } from '../../core/errors';
import { findDraft } from '../drafts/draft.service';
import { ChangeKind, type TextChangeData } from '../versions/compare';
import { bytesOf, type DraftTextPort } from '../versions/draft-text';
import { compareStates } from '../versions/version.service';
import { DraftVisitModel } from './visit.model';

const DUPLICATE_KEY = 11000;

/**
 * Records that `user` has seen the draft as it is stored now (every signed-in person may read a
 * draft, so anyone may record their own visit; nobody can record or read another's). A visit never
 * goes back: when a later one (a higher seq) is already recorded, this one changes nothing.
 */
export async function markDraftSeen(
  user: AuthUser,
  draftId: Types.ObjectId,
  texts: Pick<DraftTextPort, 'loadState'>,
): Promise<boolean> {
  await findDraft(draftId);
  const { state, seq } = await texts.loadState(draftId);
  try {
    // One statement: the visit of one person to one draft.
    await DraftVisitModel.updateOne(
      { userId: user._id, draftId, seq: mongoose.trusted({ $lte: seq }) },
      { $set: { seenAt: new Date(), seq, state: Buffer.from(state) } },
      { upsert: true },
    );
  } catch (err) {
    // A visit with a higher seq exists (the filter missed it, the upsert hit the unique index).
    if (!(err instanceof MongoServerError && err.code === DUPLICATE_KEY)) throw err;
  }
  return true;
}

export interface LastVisit {
  draftId: Types.ObjectId;
  seenAt: Date;
  seq: number;
}

/** A person's last visits to some drafts (without the text seen), for a dashboard's cards. */
export function findLastVisits(
  userId: Types.ObjectId,
  draftIds: readonly Types.ObjectId[],
): Promise<LastVisit[]> {
  return DraftVisitModel.find(
    { userId, draftId: mongoose.trusted({ $in: draftIds }) },
    { draftId: 1, seenAt: 1, seq: 1 },
  ).lean<LastVisit[]>();
}

/** Changes that are somebody else's: unchanged text and the viewer's own changes are not. */
function byOthers(changes: TextChangeData[], user: AuthUser): number {
  return changes.filter(
    (c) =>
      c.kind !== ChangeKind.UNCHANGED &&
      (c.authorIds.length === 0 || c.authorIds.some((id) => !id.equals(user._id))),
  ).length;
}

/**
 * How many changes others made to the draft since `user` last saw it; null when they never have.
 * While the update log still holds every update since the visit, it is the number of those not
 * sent by `user` (each stored update is one batch of edits, as an editor sends them). Once
 * compaction has merged some of them, their senders are no longer known: it is then the number of
 * passages inserted or deleted by others (or by nobody recorded) between the text seen and the
 * current one, or the updates the log still holds, whichever is larger.
 */
export async function changesSinceLastVisit(
  user: AuthUser,
  draftId: Types.ObjectId,
  visit: Pick<LastVisit, 'seq'> | null,
  texts: Pick<DraftTextPort, 'loadState' | 'countUpdatesAfter' | 'attributionRecorded'>,
): Promise<number | null> {
  if (!visit) return null;
  const { count, complete } = await texts.countUpdatesAfter(draftId, visit.seq, user._id);
  if (complete) return count;
  return Math.max(count, byOthers(await changesSince(user, draftId, texts), user));
}

async function changesSince(
  user: AuthUser,
  draftId: Types.ObjectId,
  texts: Pick<DraftTextPort, 'loadState' | 'attributionRecorded'>,
): Promise<TextChangeData[]> {
  const visit = await DraftVisitModel.findOne({ userId: user._id, draftId }, { state: 1 }).lean();
  if (!visit)
    throw appError(
      ErrorCode.NotFound,
      'You have not opened this draft before: there is no last visit to compare with.',
      { field: 'draftId' },
    );
  const { state } = await texts.loadState(draftId);
  return compareStates(draftId, bytesOf(visit.state), state, texts);
}

/** What changed in the draft from the text `user` last saw to the current one, with authors. */
export async function compareSinceLastVisit(
  user: AuthUser,
  draftId: Types.ObjectId,
  texts: Pick<DraftTextPort, 'loadState' | 'attributionRecorded'>,
): Promise<{ changes: TextChangeData[] }> {
  await findDraft(draftId);
  return { changes: await changesSince(user, draftId, texts) };
}
