import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { appError, badInput, ErrorCode, notFound, underSilence } from '../../core/errors';
import type { DomainEventMap, DomainEvents } from '../shared/domain-events';
import { WorkingGroupModel } from '../working-groups/working-group.model';
import type { DraftChanges, NewDraft } from './draft.data';
import { DraftDoc, DraftModel } from './draft.model';
import { draftPolicy } from './draft.policy';
import { DraftStatus } from './draft-status';
import { normalizeSymbol } from './draft-symbol';

export async function findDraft(id: Types.ObjectId): Promise<DraftDoc> {
  const draft = await DraftModel.findById(id).lean<DraftDoc>();
  if (!draft) throw notFound('Draft', id.toHexString());
  return draft;
}

export async function listDrafts(workingGroupId: Types.ObjectId | undefined): Promise<DraftDoc[]> {
  const filter = workingGroupId ? { workingGroupId } : {};
  return DraftModel.find(filter).sort({ createdAt: 1, _id: 1 }).lean<DraftDoc[]>();
}

export async function createDraft(
  user: AuthUser,
  workingGroupId: Types.ObjectId,
  input: NewDraft,
  events: DomainEvents,
): Promise<DraftDoc> {
  authorize(
    draftPolicy.create(user, workingGroupId),
    'Only the Chair, the Secretariat or the group coordinator may start a draft.',
  );
  if (!(await WorkingGroupModel.exists({ _id: workingGroupId })))
    throw notFound('Working group', workingGroupId.toHexString());
  const draft = await DraftModel.create({
    workingGroupId,
    title: { en: input.titleEn.trim(), fr: input.titleFr.trim() },
    deadline: input.deadline ?? null,
    symbol: normalizeSymbol(input.symbol),
    createdById: user._id,
  });
  const created = draft.toObject() as DraftDoc;
  events.emit('draft.created', { draft: created, byId: user._id });
  return created;
}

export async function updateDraft(
  user: AuthUser,
  id: Types.ObjectId,
  input: DraftChanges,
  events: DomainEvents,
): Promise<DraftDoc> {
  const draft = await findDraft(id);
  authorize(
    draftPolicy.manage(user, draft),
    'Only the Chair, the Secretariat or the group coordinator may change this draft.',
  );
  const set: Record<string, unknown> = {};
  if (input.titleEn !== undefined) set['title.en'] = input.titleEn.trim();
  if (input.titleFr !== undefined) set['title.fr'] = input.titleFr.trim();
  if (input.deadline !== undefined) set.deadline = input.deadline;
  if (input.symbol !== undefined) set.symbol = normalizeSymbol(input.symbol);
  if (Object.keys(set).length === 0)
    throw badInput('Nothing to change: give titleEn, titleFr, deadline or symbol.');
  const updated = await DraftModel.findOneAndUpdate(
    { _id: id },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<DraftDoc>();
  if (!updated) throw notFound('Draft', id.toHexString());
  const changed: DomainEventMap['draft.updated']['changed'] = [];
  if (input.titleEn !== undefined || input.titleFr !== undefined) changed.push('title');
  if (input.deadline !== undefined) changed.push('deadline');
  if (input.symbol !== undefined) changed.push('symbol');
  events.emit('draft.updated', { draft: updated, byId: user._id, changed });
  return updated;
}

export async function setDraftStatus(
  user: AuthUser,
  id: Types.ObjectId,
  status: DraftStatus,
  events: DomainEvents,
): Promise<DraftDoc> {
  const draft = await findDraft(id);
  const from = draft.status as DraftStatus;
  authorize(
    draftPolicy.setStatus(user, draft, from, status),
    status === DraftStatus.ADOPTED
      ? 'Only the Chair or the Secretariat may mark a draft adopted.'
      : from === DraftStatus.ADOPTED
        ? 'This draft has been adopted: only the Chair or the Secretariat may reopen it.'
        : 'Only the Chair, the Secretariat or the group coordinator may change the status of this draft.',
  );
  if (from === status) return draft;
  if (draftPolicy.underSilence(draft))
    throw underSilence(
      'This draft is under the silence procedure: its status follows the procedure (adopted at the deadline, or back in negotiation if a delegation breaks silence). The Chair may withdraw it first.',
    );
  const at = new Date();
  // Only from the status the permission was checked against: a coordinator's change must not
  // land on a draft the Chair adopted in the meantime (that would reopen it).
  const updated = await DraftModel.findOneAndUpdate(
    { _id: id, status: from },
    {
      $set: { status, statusChangedAt: at, statusChangedById: user._id },
      $push: { statusHistory: { status, previousStatus: from, at, byId: user._id } },
    },
    { returnDocument: 'after' },
  ).lean<DraftDoc>();
  if (!updated) {
    if (!(await DraftModel.exists({ _id: id }))) throw notFound('Draft', id.toHexString());
    throw appError(
      ErrorCode.Conflict,
      'The status of this draft was changed by someone else meanwhile; look at it again and retry.',
    );
  }
  events.emit('draft.statusChanged', { draft: updated, byId: user._id, from, to: status });
  return updated;
}
