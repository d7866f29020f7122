import { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { badInput, notFound } from '../../core/errors';
import type { DomainEventMap, DomainEvents } from '../shared/domain-events';
import { parseId } from '../shared/ids';
import { CommentAnchorData, MAX_COMMENT_LENGTH, NewComment } from './comment.data';
import { CommentDoc, CommentModel, CommentTargetType } from './comment.model';
import { commentPolicy } from './comment.policy';
import { resolveTarget } from './comment-target';

function cleanBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.length === 0) throw badInput('body must not be blank.', 'body');
  if (trimmed.length > MAX_COMMENT_LENGTH)
    throw badInput(`body must be at most ${MAX_COMMENT_LENGTH} characters long.`, 'body');
  return trimmed;
}

function cleanAnchor(anchor: CommentAnchorData): {
  quote: string;
  start: string | null;
  end: string | null;
} {
  const quote = anchor.quote.trim();
  if (quote.length === 0)
    throw badInput(
      'anchor.quote must not be blank: leave the anchor out to comment on the whole draft.',
      'anchor.quote',
    );
  // One end alone cannot locate a passage; the quote alone is a passage that was not located.
  if (!anchor.start !== !anchor.end)
    throw badInput(
      'anchor.start and anchor.end go together: give both or neither.',
      anchor.start ? 'anchor.end' : 'anchor.start',
    );
  return { quote, start: anchor.start ?? null, end: anchor.end ?? null };
}

export async function listComments(
  targetId: Types.ObjectId,
  includeResolved: boolean,
): Promise<CommentDoc[]> {
  const filter = includeResolved ? { targetId } : { targetId, resolved: false };
  return CommentModel.find(filter).sort({ createdAt: 1, _id: 1 }).lean<CommentDoc[]>();
}

async function findComment(id: Types.ObjectId): Promise<CommentDoc> {
  const comment = await CommentModel.findById(id).lean<CommentDoc>();
  if (!comment) throw notFound('Comment', id.toHexString());
  return comment;
}

export async function addComment(
  user: AuthUser,
  input: NewComment,
  events: DomainEvents,
): Promise<CommentDoc> {
  const body = cleanBody(input.body);
  const target = await resolveTarget(parseId(input.targetId, 'targetId'));
  authorize(
    commentPolicy.add(user, target),
    target.kind === 'draft'
      ? 'Only members of this working group, experts, the Chair and the Secretariat may comment on this draft.'
      : 'Observers may read agenda comments but not add them.',
  );
  const _id = new Types.ObjectId();
  let threadId = _id;
  let parentId: Types.ObjectId | null = null;
  if (input.parentId) {
    const parent = await findComment(parseId(input.parentId, 'parentId'));
    if (!parent.targetId.equals(target.id))
      throw badInput('parentId names a comment on another target.', 'parentId');
    parentId = parent._id;
    threadId = parent.threadId;
  }
  if (input.anchor && target.type !== CommentTargetType.DRAFT)
    throw badInput('Only comments on a draft can be anchored to a passage.', 'anchor');
  if (input.anchor && parentId)
    throw badInput('A reply is about the passage of its thread: leave its anchor out.', 'anchor');
  // No anchor (or a null one) is a comment on the draft as a whole, or on an agenda item.
  const anchor = input.anchor ? cleanAnchor(input.anchor) : null;
  const created = await CommentModel.create({
    _id,
    targetType: target.type,
    targetId: target.id,
    containerId: target.containerId,
    parentId,
    threadId,
    authorId: user._id,
    body,
    anchor,
  });
  const comment = created.toObject() as CommentDoc;
  events.emit('comment.added', { comment });
  return comment;
}

type CommentChange = DomainEventMap['comment.changed']['change'];

async function changeComment(
  comment: CommentDoc,
  set: Record<string, unknown>,
  change: CommentChange,
  events: DomainEvents,
): Promise<CommentDoc> {
  const updated = await CommentModel.findOneAndUpdate(
    { _id: comment._id },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<CommentDoc>();
  if (!updated) throw notFound('Comment', comment._id.toHexString());
  events.emit('comment.changed', { comment: updated, change });
  return updated;
}

export async function editComment(
  user: AuthUser,
  id: Types.ObjectId,
  body: string,
  events: DomainEvents,
): Promise<CommentDoc> {
  const clean = cleanBody(body);
  const comment = await findComment(id);
  authorize(commentPolicy.edit(user, comment), 'Only its author may edit a comment.');
  return changeComment(comment, { body: clean, editedAt: new Date() }, 'edited', events);
}

export async function deleteComment(
  user: AuthUser,
  id: Types.ObjectId,
  events: DomainEvents,
): Promise<CommentDoc> {
  const comment = await findComment(id);
  authorize(
    commentPolicy.delete(user, comment),
    'Only its author or the Secretariat may delete a comment.',
  );
  // Kept as a tombstone so that replies stay in their thread.
  return changeComment(
    comment,
    { body: null, deletedAt: new Date(), deletedById: user._id },
    'deleted',
    events,
  );
}

export async function resolveComment(
  user: AuthUser,
  id: Types.ObjectId,
  resolved: boolean,
  events: DomainEvents,
): Promise<CommentDoc> {
  const comment = await findComment(id);
  const target = await resolveTarget(comment.targetId);
  authorize(
    commentPolicy.resolve(user, comment, target),
    'Only the author, the Chair, the Secretariat or the group coordinator may resolve this comment.',
  );
  return changeComment(
    comment,
    resolved
      ? { resolved: true, resolvedById: user._id, resolvedAt: new Date() }
      : { resolved: false, resolvedById: null, resolvedAt: null },
    resolved ? 'resolved' : 'reopened',
    events,
  );
}
