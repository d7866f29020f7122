import DataLoader from 'dataloader';
import mongoose, { type Model, type Types } from 'mongoose';
import { LoadedState, loadState } from '../collaboration/document-state';
import { CommentModel } from '../modules/comments/comment.model';
import {
  type ConsultationDoc,
  ConsultationModel,
} from '../modules/consultations/consultation.model';
import { DelegationDoc, DelegationModel } from '../modules/delegations/delegation.model';
import { DraftDoc, DraftModel } from '../modules/drafts/draft.model';
import { UserDoc, UserModel } from '../modules/users/user.model';
import { findLastVisits, type LastVisit } from '../modules/visits/visit.service';
import { WorkingGroupDoc, WorkingGroupModel } from '../modules/working-groups/working-group.model';

type Id = Types.ObjectId;
const key = (id: Id) => id.toHexString();
// Keys are ObjectIds from our own records, so the operator is trusted past sanitizeFilter.
const inIds = (ids: readonly Id[]) => mongoose.trusted({ $in: ids });

function byId<T extends { _id: Id }>(
  model: Model<T>,
  cache: boolean,
): DataLoader<Id, T | null, string> {
  return new DataLoader<Id, T | null, string>(
    async (ids) => {
      const docs = (await model.find({ _id: inIds(ids) }).lean()) as unknown as T[];
      const found = new Map(docs.map((d) => [key(d._id), d]));
      return ids.map((id) => found.get(key(id)) ?? null);
    },
    { cacheKeyFn: key, cache },
  );
}

/** Records whose `field` (a single id or an array of ids) holds the key, in creation order. */
function manyBy<T extends { _id: Id }>(
  model: Model<T>,
  field: string,
  cache: boolean,
  sort: Record<string, 1 | -1> = { _id: 1 },
) {
  return new DataLoader<Id, T[], string>(
    async (ids) => {
      const docs = (await model
        .find({ [field]: inIds(ids) })
        .sort(sort)
        .lean()) as unknown as T[];
      const groups = new Map<string, T[]>(ids.map((id) => [key(id), []]));
      for (const doc of docs) {
        const value = (doc as unknown as Record<string, Id | Id[] | null>)[field];
        const values = Array.isArray(value) ? value : value ? [value] : [];
        for (const v of values) groups.get(key(v))?.push(doc);
      }
      return ids.map((id) => groups.get(key(id)) ?? []);
    },
    { cacheKeyFn: key, cache },
  );
}

/** Open (unresolved, not deleted) comments per target, counted in one aggregation. */
function openCommentCounts(cache: boolean) {
  return new DataLoader<Id, number, string>(
    async (ids) => {
      const rows = await CommentModel.aggregate<{ _id: Id; n: number }>([
        { $match: { targetId: { $in: ids }, resolved: false, deletedAt: null } },
        { $group: { _id: '$targetId', n: { $sum: 1 } } },
      ]);
      const counts = new Map(rows.map((r) => [key(r._id), r.n]));
      return ids.map((id) => counts.get(key(id)) ?? 0);
    },
    { cacheKeyFn: key, cache },
  );
}

/** A person's last visit to each of several drafts (the dashboard's cards), in one read per person. */
function lastVisits(cache: boolean) {
  return new DataLoader<{ userId: Id; draftId: Id }, LastVisit | null, string>(
    async (keys) => {
      const byUser = new Map<string, { userId: Id; draftIds: Id[] }>();
      for (const k of keys) {
        const entry = byUser.get(key(k.userId)) ?? { userId: k.userId, draftIds: [] };
        entry.draftIds.push(k.draftId);
        byUser.set(key(k.userId), entry);
      }
      const found = new Map<string, LastVisit>();
      for (const { userId, draftIds } of byUser.values())
        for (const v of await findLastVisits(userId, draftIds))
          found.set(`${key(userId)}:${key(v.draftId)}`, v);
      return keys.map((k) => found.get(`${key(k.userId)}:${key(k.draftId)}`) ?? null);
    },
    { cacheKeyFn: (k) => `${key(k.userId)}:${key(k.draftId)}`, cache },
  );
}

/**
 * One set per request. A subscription's context lives as long as the subscription, so it passes
 * cache: false: events still batch within a tick but never read a stale name or count.
 */
export function createLoaders({ cache }: { cache: boolean } = { cache: true }) {
  return lazily({
    user: () => byId<UserDoc>(UserModel as unknown as Model<UserDoc>, cache),
    delegation: () =>
      byId<DelegationDoc>(DelegationModel as unknown as Model<DelegationDoc>, cache),
    workingGroup: () =>
      byId<WorkingGroupDoc>(WorkingGroupModel as unknown as Model<WorkingGroupDoc>, cache),
    draft: () => byId<DraftDoc>(DraftModel as unknown as Model<DraftDoc>, cache),
    consultation: () =>
      byId<ConsultationDoc>(ConsultationModel as unknown as Model<ConsultationDoc>, cache),
    usersByWorkingGroup: () =>
      manyBy<UserDoc>(UserModel as unknown as Model<UserDoc>, 'workingGroupIds', cache, {
        name: 1,
      }),
    usersByDelegation: () =>
      manyBy<UserDoc>(UserModel as unknown as Model<UserDoc>, 'delegationId', cache, { name: 1 }),
    draftsByWorkingGroup: () =>
      manyBy<DraftDoc>(DraftModel as unknown as Model<DraftDoc>, 'workingGroupId', cache),
    openCommentCount: () => openCommentCounts(cache),
    lastVisit: () => lastVisits(cache),
    // state, text and seq of one draft in one request read the log once
    draftState: () =>
      new DataLoader<Id, LoadedState, string>(
        (ids) => Promise.all(ids.map((id) => loadState(id))),
        { cacheKeyFn: key, cache, batch: false },
      ),
  });
}

/** Builds each loader on first use: most operations (every keystroke's mutation) need none. */
function lazily<T extends Record<string, () => unknown>>(
  factories: T,
): { [K in keyof T]: ReturnType<T[K]> } {
  const made = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const name of Object.keys(factories) as (keyof T)[]) {
    let value: ReturnType<T[typeof name]> | undefined;
    Object.defineProperty(made, name, {
      enumerable: true,
      get: () => (value ??= factories[name]() as ReturnType<T[typeof name]>),
    });
  }
  return made;
}

export type Loaders = ReturnType<typeof createLoaders>;
