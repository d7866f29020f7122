import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, ErrorCode } from '../../core/errors';
import { findDraft } from '../drafts/draft.service';
import { editsByOthersAfter, type RevisionsPort } from '../revisions/revision.service';
import type { DomainEvents } from '../shared/domain-events';
import type { TextChangeData } from '../versions/compare';
import { bytesOf, type DraftTextPort } from '../versions/draft-text';
import { compareStates } from '../versions/version.service';
import { DraftVisitModel } from './visit.model';

/**
 * Records that `user` has seen the draft as it is stored now (every signed-in person may read a
 * draft, so anyone may record their own visit; nobody can record or read another's). A visit never
 * goes back: when a later one (a higher seq) is already recorded, this one changes nothing.
 */
export async function markDraftSeen(
  user: AuthUser,
  draftId: Types.ObjectId,
  texts: Pick<DraftTextPort, 'loadState'>,
  events: DomainEvents,
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
    if (!isDuplicateKey(err)) throw err;
  }
  // An open dashboard of this person may have read its count before the visit was written (the
  // page left and the dashboard opened at the same moment): it reads it again.
  events.emit('draft.visited', { draftId: draftId.toHexString(), userId: user._id });
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

/**
 * How many changes others made to the draft since `user` last saw it; null when they never have.
 * A change is a stored update (an editor sends a person's typing in batches of a fraction of a
 * second). The log says who sent each until compaction merges it; from then on the automatic
 * history, which keeps each revision's edits and seqs, counts them. Never a comparison of texts:
 * every dashboard card of every viewer asks this on each live change.
 */
export async function changesSinceLastVisit(
  user: AuthUser,
  draftId: Types.ObjectId,
  visit: Pick<LastVisit, 'seq'> | null,
  texts: Pick<DraftTextPort, 'countUpdatesAfter'> & RevisionsPort,
): Promise<number | null> {
  if (!visit) return null;
  const { count, complete } = await texts.countUpdatesAfter(draftId, visit.seq, user._id);
  if (complete) return count;
  await texts.revisionsRecorded(draftId.toHexString());
  return Math.max(count, await editsByOthersAfter(draftId, visit.seq, user._id));
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
