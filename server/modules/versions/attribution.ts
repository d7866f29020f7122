import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../core/duplicate-key';
import { DraftAuthorModel, DraftDeletionModel } from './attribution.model';
import type { Attribution } from './compare';

export interface AuthorRecord {
  draftId: Types.ObjectId;
  client: number;
  userId: Types.ObjectId;
}

/** Records who Yjs clients of drafts belong to; a client already recorded keeps its author. */
export async function recordAuthors(authors: AuthorRecord[]): Promise<void> {
  if (authors.length === 0) return;
  try {
    // Inserts, not upserts: FerretDB's upsert reads before it writes, and under load these
    // transactions were seen to stall the update log's inserts. A client already recorded fails
    // with a duplicate key and keeps its first author.
    await DraftAuthorModel.collection.insertMany(
      authors.map(({ draftId, client, userId }) => ({ draftId, client, userId })),
      { ordered: false },
    );
  } catch (err) {
    // Recorded before (by this instance after a restart, or by another): the first author stays.
    if (!isDuplicateKey(err)) throw err;
  }
}

export interface DeletionRecord {
  draftId: Types.ObjectId;
  seq: number;
  userId: Types.ObjectId;
  ranges: { client: number; clock: number; len: number }[];
}

export async function recordDeletions(records: DeletionRecord[]): Promise<void> {
  if (records.length === 0) return;
  await DraftDeletionModel.insertMany(records, { ordered: false });
}

/** Everything recorded about who made and who deleted the items of a draft, for lookups. */
export async function loadAttribution(draftId: Types.ObjectId): Promise<Attribution> {
  const [authors, deletions] = await Promise.all([
    DraftAuthorModel.find({ draftId }, { client: 1, userId: 1 }).lean(),
    DraftDeletionModel.find({ draftId }, { seq: 1, userId: 1, ranges: 1 }).sort({ seq: 1 }).lean(),
  ]);
  const byClient = new Map(authors.map((a) => [a.client, a.userId]));
  // Per client, ranges in seq order: the first one covering an item names who deleted it.
  const deleted = new Map<number, { clock: number; len: number; userId: Types.ObjectId }[]>();
  for (const d of deletions) {
    for (const r of d.ranges) {
      const list = deleted.get(r.client) ?? [];
      list.push({ clock: r.clock, len: r.len, userId: d.userId });
      deleted.set(r.client, list);
    }
  }
  return {
    insertedBy: (client) => byClient.get(client) ?? null,
    deletedBy: (client, clock) =>
      deleted.get(client)?.find((r) => clock >= r.clock && clock < r.clock + r.len)?.userId ?? null,
  };
}
