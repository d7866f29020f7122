import mongoose, { Types } from 'mongoose';
import { badInput } from '../../core/errors';
import { type DraftRevisionDoc, DraftRevisionModel } from './revision.model';

/**
 * What this module needs of the co-editing core (server/collaboration implements it; the module
 * may not import that layer): to wait for the edits stored so far to be in the revisions.
 */
export interface RevisionsPort {
  revisionsRecorded(draftId: string): Promise<void>;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface RevisionPage {
  nodes: DraftRevisionDoc[];
  endCursor: string | null;
  hasMore: boolean;
}

interface Position {
  startedAt: Date;
  id: Types.ObjectId;
}

/**
 * A cursor is the position of the last revision given, opaque to clients: when it started and
 * its id (for revisions started the same millisecond). Positions do not move: a revision's start
 * never changes, so pages stay stable while revisions grow.
 */
export function encodeCursor(r: Pick<DraftRevisionDoc, 'startedAt' | '_id'>): string {
  return Buffer.from(`${r.startedAt.getTime()}:${r._id.toHexString()}`).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const match = /^(\d{1,15}):([0-9a-f]{24})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  if (!match || Buffer.from(match[0]).toString('base64url') !== cursor)
    throw badInput('after is not a cursor this list gave (use endCursor).', 'after');
  return { startedAt: new Date(Number(match[1])), id: new Types.ObjectId(match[2]) };
}

export function parsePageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  return first;
}

/**
 * A draft's revisions, newest (latest started) first, `first` at a time after the cursor `after`.
 * Every signed-in person reads a draft and so its history (draft.policy.ts): the caller has the draft,
 * nothing more is checked. Waits for the edits stored so far (on this instance) to be recorded, so a
 * person sees their own last edit counted.
 */
export async function listRevisions(
  draftId: Types.ObjectId,
  first: number | null | undefined,
  after: string | null | undefined,
  revisions: RevisionsPort,
): Promise<RevisionPage> {
  const size = parsePageSize(first);
  const from = after ? decodeCursor(after) : null;
  await revisions.revisionsRecorded(draftId.toHexString());
  const filter = from
    ? {
        draftId,
        $or: [
          { startedAt: mongoose.trusted({ $lt: from.startedAt }) },
          { startedAt: from.startedAt, _id: mongoose.trusted({ $lt: from.id }) },
        ],
      }
    : { draftId };
  const found = await DraftRevisionModel.find(filter)
    .sort({ startedAt: -1, _id: -1 })
    .limit(size + 1)
    .lean<DraftRevisionDoc[]>();
  const nodes = found.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    endCursor: last ? encodeCursor(last) : null,
    hasMore: found.length > size,
  };
}

/**
 * Edits by others than `userId` stored after `afterSeq`, from the automatic history (which
 * compaction keeps). A revision that began before that seq counts only the seqs after it, at
 * most its own edits: an upper bound, as seqs are shared by every author of the draft.
 */
export async function editsByOthersAfter(
  draftId: Types.ObjectId,
  afterSeq: number,
  userId: Types.ObjectId,
): Promise<number> {
  const revisions = await DraftRevisionModel.find(
    {
      draftId,
      lastSeq: mongoose.trusted({ $gt: afterSeq }),
      userId: mongoose.trusted({ $ne: userId }),
    },
    { firstSeq: 1, lastSeq: 1, edits: 1 },
  ).lean();
  return revisions.reduce(
    (sum, r) => sum + (r.firstSeq > afterSeq ? r.edits : Math.min(r.edits, r.lastSeq - afterSeq)),
    0,
  );
}
