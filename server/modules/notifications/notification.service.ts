import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { isDuplicateKey } from '../../core/duplicate-key';
import { badInput } from '../../core/errors';
import { Role } from '../../core/role';
import type { DomainEvents } from '../shared/domain-events';
import type { LocalizedText } from '../shared/localized';
import { UserModel } from '../users/user.model';
import type { NotificationPreferencesData } from './notification.data';
import {
  type NotificationDoc,
  NotificationModel,
  NotificationPreferenceModel,
} from './notification.model';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kind';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** One occurrence to tell people about (what the processors make of a domain event). */
export interface Notice {
  kind: NotificationKind;
  /** Names the occurrence: the same key for the same person is notified once. */
  key: string;
  text: LocalizedText;
  link: string;
  draftId?: Types.ObjectId | null;
  commentId?: Types.ObjectId | null;
}

export interface Audience {
  to: readonly Types.ObjectId[];
  /** Who acted: never notified of their own act. */
  actorId: Types.ObjectId | null;
  /** Told even if they turned the kind off (the Chair must learn of a broken silence). */
  always?: readonly Types.ObjectId[];
}

const unique = (ids: readonly Types.ObjectId[]) => [
  ...new Map(ids.map((id) => [id.toHexString(), id])).values(),
];

/**
 * Writes the notice for each person of the audience who wants this kind (not the actor), once
 * per person and occurrence, then announces the new ones (live bells) in one event.
 */
export async function notify(
  notice: Notice,
  audience: Audience,
  events: DomainEvents,
): Promise<NotificationDoc[]> {
  const always = new Set((audience.always ?? []).map((id) => id.toHexString()));
  const to = unique([...audience.to, ...(audience.always ?? [])]).filter(
    (id) => !audience.actorId?.equals(id),
  );
  if (to.length === 0) return [];
  // A Member State's guest reads none of the Committee's business these notices lead to (a reply
  // to their consultation comment is the Committee's internal discussion): never told, nor mailed.
  const guests = new Set(
    (
      await UserModel.find(
        { _id: mongoose.trusted({ $in: to }), roles: Role.MEMBER_STATE },
        { _id: 1 },
      ).lean()
    ).map((u) => u._id.toHexString()),
  );
  const muted = new Set(
    (
      await NotificationPreferenceModel.find(
        { userId: mongoose.trusted({ $in: to }), mutedKinds: notice.kind },
        { userId: 1 },
      ).lean()
    ).map((p) => p.userId.toHexString()),
  );
  const recipients = to.filter(
    (id) =>
      !guests.has(id.toHexString()) &&
      (always.has(id.toHexString()) || !muted.has(id.toHexString())),
  );
  const created: NotificationDoc[] = [];
  await Promise.all(
    recipients.map(async (userId) => {
      try {
        const doc = await NotificationModel.create({
          userId,
          kind: notice.kind,
          key: notice.key,
          text: notice.text,
          link: notice.link,
          draftId: notice.draftId ?? null,
          commentId: notice.commentId ?? null,
        });
        created.push(doc.toObject() as NotificationDoc);
      } catch (err) {
        // Already told of this occurrence (another instance, a second run of a schedule).
        if (!isDuplicateKey(err)) throw err;
      }
    }),
  );
  if (created.length > 0) events.emit('notifications.added', { notifications: created });
  return created;
}

function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput(`first must be a whole number from 1 to ${MAX_PAGE}.`, 'first');
  return first;
}

/** The person's own notifications, newest first. */
/** The person's notifications, newest first; with `before`, those older than that one of theirs. */
export async function listNotifications(
  user: AuthUser,
  first: number | null | undefined,
  before: Types.ObjectId | null = null,
): Promise<NotificationDoc[]> {
  const limit = pageSize(first);
  let older = {};
  if (before) {
    const pivot = await NotificationModel.findOne({ _id: before, userId: user._id }).lean();
    if (!pivot) throw badInput('before must be the id of one of your notifications.', 'before');
    older = mongoose.trusted({
      $or: [
        { createdAt: mongoose.trusted({ $lt: pivot.createdAt }) },
        { createdAt: pivot.createdAt, _id: mongoose.trusted({ $lt: pivot._id }) },
      ],
    });
  }
  return NotificationModel.find({ userId: user._id, ...older })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .lean<NotificationDoc[]>();
}

export function unreadCount(user: AuthUser): Promise<number> {
  return NotificationModel.countDocuments({ userId: user._id, read: false });
}

/**
 * Marks some of the person's notifications read (none given: all of them); ids of others' are
 * ignored, as if unknown. Returns how many are still unread, for the bell.
 */
export async function markRead(
  user: AuthUser,
  ids: readonly Types.ObjectId[] | null,
  events: DomainEvents,
): Promise<number> {
  if (ids && ids.length > MAX_PAGE)
    throw badInput(`Mark at most ${MAX_PAGE} notifications at a time, or all of them.`, 'ids');
  const filter = ids
    ? { userId: user._id, read: false, _id: mongoose.trusted({ $in: [...ids] }) }
    : { userId: user._id, read: false };
  await NotificationModel.updateMany(filter, { $set: { read: true } });
  const unread = await unreadCount(user);
  events.emit('notifications.read', { userId: user._id, unread });
  return unread;
}

export interface NotificationPreferences {
  enabledKinds: NotificationKind[];
  email: boolean;
}

export async function getPreferences(user: AuthUser): Promise<NotificationPreferences> {
  const prefs = await NotificationPreferenceModel.findOne({ userId: user._id }).lean();
  const muted = new Set(prefs?.mutedKinds ?? []);
  return {
    enabledKinds: NOTIFICATION_KINDS.filter((k) => !muted.has(k)),
    email: prefs?.email ?? true,
  };
}

/** Sets which kinds the person is told of and whether by e-mail too (their own only). */
export async function setPreferences(
  user: AuthUser,
  input: NotificationPreferencesData,
): Promise<NotificationPreferences> {
  for (const kind of input.enabledKinds)
    if (!NOTIFICATION_KINDS.includes(kind)) throw badInput(`Unknown kind ${kind}.`, 'enabledKinds');
  const enabled = new Set(input.enabledKinds);
  const mutedKinds = NOTIFICATION_KINDS.filter((k) => !enabled.has(k));
  const write = () =>
    NotificationPreferenceModel.updateOne(
      { userId: user._id },
      { $set: { mutedKinds, email: input.email } },
      { upsert: true },
    );
  try {
    await write();
  } catch (err) {
    // Two first saves at once: the other one created the record; write over it.
    if (!isDuplicateKey(err)) throw err;
    await write();
  }
  return getPreferences(user);
}
