import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { notFound } from '../../core/errors';
import { type CommentDoc, CommentModel } from '../comments/comment.model';
import type { DomainEventMap, DomainEvents } from '../shared/domain-events';
import { type ConsultationDoc, ConsultationModel } from './consultation.model';
import { consultationPolicy } from './consultation.policy';
import { cleanBody, closed, isOpen } from './consultation.service';

type CommentChange = DomainEventMap['comment.changed']['change'];

/** A Member State's guest changes their own comment in a consultation while it is open. */
async function changeOwnComment(
  user: AuthUser,
  id: Types.ObjectId,
  change: CommentChange,
  set: (at: Date) => Partial<Pick<CommentDoc, 'body' | 'editedAt' | 'deletedAt' | 'deletedById'>>,
  events: DomainEvents,
): Promise<CommentDoc> {
  const comment = await CommentModel.findOne({
    _id: id,
    consultationId: mongoose.trusted({ $ne: null }),
    deletedAt: null,
  }).lean<CommentDoc>();
  if (!comment?.consultationId) throw notFound('Comment in a consultation', id.toHexString());
  const consultation = await ConsultationModel.findById(
    comment.consultationId,
  ).lean<ConsultationDoc>();
  if (!consultation) throw notFound('Consultation', comment.consultationId.toHexString());
  // Whose it is first: a closing is news only to its author.
  authorize(
    consultationPolicy.changeComment(user, comment, { open: true }),
    'Only its author may edit or withdraw a comment in a consultation.',
  );
  // Stamped as checked: one made before a closing date stands, one after is refused.
  const at = new Date();
  if (!isOpen(consultation, at.getTime())) throw closed(consultation);

  const updated = await CommentModel.findOneAndUpdate(
    { _id: id, deletedAt: null, frozen: mongoose.trusted({ $ne: true }) },
    { $set: set(at) },
    { returnDocument: 'after' },
  ).lean<CommentDoc>();
  if (!updated) {
    // Frozen by the closing since the check (which stamps the closing after freezing), or
    // withdrawn meanwhile (another window of theirs, or the Secretariat).
    const now = await CommentModel.findById(id, { deletedAt: 1 }).lean();
    if (!now || now.deletedAt) throw notFound('Comment in a consultation', id.toHexString());
    throw closed(
      (await ConsultationModel.findById(consultation._id).lean<ConsultationDoc>()) ?? {
        closedAt: new Date(),
        closesAt: null,
      },
    );
  }
  events.emit('comment.changed', { comment: updated, change });
  return updated;
}

/** Its author's new wording of their comment (marked edited). */
export function editConsultationComment(
  user: AuthUser,
  id: Types.ObjectId,
  body: string,
  events: DomainEvents,
): Promise<CommentDoc> {
  const clean = cleanBody(body);
  return changeOwnComment(user, id, 'edited', (at) => ({ body: clean, editedAt: at }), events);
}

/** Its author takes their comment back: it leaves the consultation (and the draft page). */
export function withdrawConsultationComment(
  user: AuthUser,
  id: Types.ObjectId,
  events: DomainEvents,
): Promise<CommentDoc> {
  return changeOwnComment(
    user,
    id,
    'deleted',
    (at) => ({ body: null, deletedAt: at, deletedById: user._id }),
    events,
  );
}
