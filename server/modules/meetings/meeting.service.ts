import mongoose, { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { appError, badInput, ErrorCode, notFound } from '../../core/errors';
import { DraftModel } from '../drafts/draft.model';
import type { DomainEvents } from '../shared/domain-events';
import { parseId } from '../shared/ids';
import type { AgendaItemData, MeetingChanges, NewMeeting } from './meeting.data';
import { AgendaItemDoc, MeetingDoc, MeetingModel } from './meeting.model';
import { meetingPolicy } from './meeting.policy';

const MANAGE_MESSAGE = 'Only the Chair or the Secretariat may change meetings and agendas.';

export async function listMeetings(
  from: Date | undefined,
  to: Date | undefined,
): Promise<MeetingDoc[]> {
  const date: Record<string, Date> = {};
  if (from) date.$gte = from;
  if (to) date.$lt = to;
  // Operators built here from validated dates; sanitizeFilter would otherwise neutralise them.
  const filter = Object.keys(date).length ? { date: mongoose.trusted(date) } : {};
  return MeetingModel.find(filter).sort({ date: 1, _id: 1 }).lean<MeetingDoc[]>();
}

export async function findMeeting(id: Types.ObjectId): Promise<MeetingDoc> {
  const meeting = await MeetingModel.findById(id).lean<MeetingDoc>();
  if (!meeting) throw notFound('Meeting', id.toHexString());
  return meeting;
}

/** The meeting, or null once it is deleted (a live list learns of deletions this way). */
export async function findMeetingIfAny(id: Types.ObjectId): Promise<MeetingDoc | null> {
  return MeetingModel.findById(id).lean<MeetingDoc>();
}

/** The meeting that holds an agenda item, or null. */
export async function findMeetingOfItem(itemId: Types.ObjectId): Promise<MeetingDoc | null> {
  return MeetingModel.findOne({ 'agenda._id': itemId }).lean<MeetingDoc>();
}

/** Every draft id an agenda input names, for one existence check before the write. */
function namedDrafts(items: AgendaItemData[]): string[] {
  const ids = new Set<string>();
  for (const item of items) {
    for (const id of item.draftIds ?? []) ids.add(id);
    for (const sub of item.subItems ?? []) for (const id of sub.draftIds ?? []) ids.add(id);
  }
  return [...ids];
}

/** Refuses a link to a draft that does not exist, so that the calendar never shows an empty one. */
async function checkDraftsExist(items: AgendaItemData[]): Promise<void> {
  const ids = namedDrafts(items);
  if (ids.length === 0) return;
  const found = await DraftModel.find({
    // Built here from parsed ids; sanitizeFilter would otherwise neutralise the operator.
    _id: mongoose.trusted({ $in: ids.map((id) => parseId(id, 'draftIds')) }),
  })
    .select({ _id: 1 })
    .lean();
  const known = new Set(found.map((d) => d._id.toHexString()));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw badInput(`There is no draft ${missing} to link.`, 'draftIds');
}

const draftIdsOf = (ids: string[] | undefined, keep: Types.ObjectId[] | undefined) =>
  ids ? ids.map((id) => parseId(id, 'draftIds')) : (keep ?? []);

function toAgendaItem(input: AgendaItemData, order: number, keep?: AgendaItemDoc) {
  const previous = new Map((keep?.subItems ?? []).map((s) => [s._id.toHexString(), s]));
  return {
    _id: keep?._id ?? new Types.ObjectId(),
    order,
    title: { en: input.titleEn.trim(), fr: input.titleFr.trim() },
    reference: input.reference?.trim() || null,
    draftIds: draftIdsOf(input.draftIds, keep?.draftIds),
    subItems: (
      input.subItems ??
      keep?.subItems.map((s) => ({
        id: s._id.toHexString(),
        titleEn: s.title.en,
        titleFr: s.title.fr,
        reference: s.reference,
        draftIds: s.draftIds.map((id) => id.toHexString()),
      })) ??
      []
    ).map((s, i) => {
      if (s.id && !previous.has(s.id))
        throw badInput(`Sub-item ${s.id} is not on this agenda item.`, 'subItems.id');
      return {
        _id: s.id ? parseId(s.id, 'subItems.id') : new Types.ObjectId(),
        order: i + 1,
        title: { en: s.titleEn.trim(), fr: s.titleFr.trim() },
        reference: s.reference?.trim() || null,
        draftIds: draftIdsOf(s.draftIds, s.id ? previous.get(s.id)?.draftIds : undefined),
      };
    }),
  };
}

const renumber = <T extends { order: number }>(items: T[]): T[] =>
  items.map((item, i) => ({ ...item, order: i + 1 }));

/**
 * Applies a change to a meeting as one conditional write on its version: a concurrent change
 * makes the write miss, and it is recomputed on the fresh meeting (nothing half-applied).
 */
async function changeMeeting(
  user: AuthUser,
  meetingId: Types.ObjectId,
  events: DomainEvents,
  change: (meeting: MeetingDoc) => Record<string, unknown>,
): Promise<MeetingDoc> {
  authorize(meetingPolicy.manage(user), MANAGE_MESSAGE);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const meeting = await findMeeting(meetingId);
    const set = change(meeting);
    const updated = await MeetingModel.findOneAndUpdate(
      { _id: meetingId, version: meeting.version },
      { $set: set, $inc: { version: 1 } },
      { returnDocument: 'after', runValidators: true },
    ).lean<MeetingDoc>();
    if (updated) {
      events.emit('meeting.changed', { meeting: updated, byId: user._id });
      return updated;
    }
  }
  throw appError(
    ErrorCode.Conflict,
    'The meeting kept changing under this edit; reload it and try again.',
  );
}

export async function createMeeting(
  user: AuthUser,
  input: NewMeeting,
  events: DomainEvents,
): Promise<MeetingDoc> {
  authorize(meetingPolicy.manage(user), MANAGE_MESSAGE);
  await checkDraftsExist(input.agenda ?? []);
  const meeting = await MeetingModel.create({
    date: input.date,
    dateIsIndicative: input.dateIsIndicative ?? false,
    kind: input.kind,
    title: { en: input.titleEn.trim(), fr: input.titleFr.trim() },
    workingGroupId: input.workingGroupId ? parseId(input.workingGroupId, 'workingGroupId') : null,
    agenda: (input.agenda ?? []).map((item, i) => toAgendaItem(item, i + 1)),
  });
  const created = meeting.toObject() as MeetingDoc;
  events.emit('meeting.created', { meeting: created, byId: user._id });
  return created;
}

export async function updateMeeting(
  user: AuthUser,
  id: Types.ObjectId,
  input: MeetingChanges,
  events: DomainEvents,
) {
  return changeMeeting(user, id, events, () => {
    const set: Record<string, unknown> = {};
    if (input.date !== undefined) {
      set.date = input.date;
      set.dateIsIndicative = input.dateIsIndicative ?? false;
    } else if (input.dateIsIndicative !== undefined) set.dateIsIndicative = input.dateIsIndicative;
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.titleEn !== undefined) set['title.en'] = input.titleEn.trim();
    if (input.titleFr !== undefined) set['title.fr'] = input.titleFr.trim();
    if (Object.keys(set).length === 0) throw badInput('Nothing to change.');
    return set;
  });
}

export async function deleteMeeting(
  user: AuthUser,
  id: Types.ObjectId,
  events: DomainEvents,
): Promise<void> {
  authorize(meetingPolicy.manage(user), MANAGE_MESSAGE);
  const { deletedCount } = await MeetingModel.deleteOne({ _id: id });
  if (deletedCount === 0) throw notFound('Meeting', id.toHexString());
  events.emit('meeting.deleted', { meetingId: id, byId: user._id });
}

function itemIndex(meeting: MeetingDoc, itemId: Types.ObjectId): number {
  const index = meeting.agenda.findIndex((item) => item._id.equals(itemId));
  if (index < 0)
    throw notFound(
      'Agenda item',
      `${itemId.toHexString()} of meeting ${meeting._id.toHexString()}`,
    );
  return index;
}

export async function addAgendaItem(
  user: AuthUser,
  meetingId: Types.ObjectId,
  input: AgendaItemData,
  position: number | undefined,
  events: DomainEvents,
) {
  authorize(meetingPolicy.manage(user), MANAGE_MESSAGE);
  await checkDraftsExist([input]);
  return changeMeeting(user, meetingId, events, (meeting) => {
    if (meeting.agenda.length >= 100) throw badInput('An agenda holds at most 100 items.');
    const at = Math.min(
      Math.max((position ?? meeting.agenda.length + 1) - 1, 0),
      meeting.agenda.length,
    );
    const agenda: unknown[] = [...meeting.agenda];
    agenda.splice(at, 0, toAgendaItem(input, at + 1));
    return { agenda: renumber(agenda as AgendaItemDoc[]) };
  });
}

export async function updateAgendaItem(
  user: AuthUser,
  meetingId: Types.ObjectId,
  itemId: Types.ObjectId,
  input: AgendaItemData,
  events: DomainEvents,
) {
  authorize(meetingPolicy.manage(user), MANAGE_MESSAGE);
  await checkDraftsExist([input]);
  return changeMeeting(user, meetingId, events, (meeting) => {
    const index = itemIndex(meeting, itemId);
    const agenda = [...meeting.agenda];
    agenda[index] = toAgendaItem(input, index + 1, meeting.agenda[index]) as AgendaItemDoc;
    return { agenda };
  });
}

export function removeAgendaItem(
  user: AuthUser,
  meetingId: Types.ObjectId,
  itemId: Types.ObjectId,
  events: DomainEvents,
) {
  return changeMeeting(user, meetingId, events, (meeting) => {
    const index = itemIndex(meeting, itemId);
    return { agenda: renumber(meeting.agenda.filter((_, i) => i !== index)) };
  });
}

export function moveAgendaItem(
  user: AuthUser,
  meetingId: Types.ObjectId,
  itemId: Types.ObjectId,
  toOrder: number,
  events: DomainEvents,
) {
  return changeMeeting(user, meetingId, events, (meeting) => {
    if (!Number.isInteger(toOrder) || toOrder < 1 || toOrder > meeting.agenda.length) {
      throw badInput(`toOrder must be from 1 to ${meeting.agenda.length}.`, 'toOrder');
    }
    const agenda = [...meeting.agenda];
    const [item] = agenda.splice(itemIndex(meeting, itemId), 1);
    agenda.splice(toOrder - 1, 0, item);
    return { agenda: renumber(agenda) };
  });
}
