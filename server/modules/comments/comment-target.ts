import type { Types } from 'mongoose';
import { notFound } from '../../core/errors';
import { DraftDoc, DraftModel } from '../drafts/draft.model';
import { AgendaItemDoc, MeetingDoc } from '../meetings/meeting.model';
import { findMeetingOfItem } from '../meetings/meeting.service';
import { CommentTargetType } from './comment.model';

/** What a comment can be about: an agenda item of a meeting, or a draft. */
export type CommentTarget =
  | {
      kind: 'draft';
      type: CommentTargetType.DRAFT;
      id: Types.ObjectId;
      containerId: Types.ObjectId;
      draft: DraftDoc;
    }
  | {
      kind: 'agendaItem';
      type: CommentTargetType.AGENDA_ITEM;
      id: Types.ObjectId;
      containerId: Types.ObjectId;
      meeting: MeetingDoc;
      item: AgendaItemDoc;
    };

export async function resolveTarget(id: Types.ObjectId): Promise<CommentTarget> {
  const draft = await DraftModel.findById(id).lean<DraftDoc>();
  if (draft)
    return { kind: 'draft', type: CommentTargetType.DRAFT, id, containerId: draft._id, draft };
  const meeting = await findMeetingOfItem(id);
  const item = meeting?.agenda.find((i) => i._id.equals(id));
  if (meeting && item)
    return {
      kind: 'agendaItem',
      type: CommentTargetType.AGENDA_ITEM,
      id,
      containerId: meeting._id,
      meeting,
      item,
    };
  throw notFound('Comment target (draft or agenda item)', id.toHexString());
}
