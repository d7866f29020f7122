import type { Types } from 'mongoose';
import { notFound } from '../../core/errors';
import { DraftDoc, DraftModel } from '../drafts/draft.model';
import { AgendaItemDoc, MeetingDoc } from '../meetings/meeting.model';
import { findMeetingOfItem } from '../meetings/meeting.service';
import { ProposalModel } from '../proposals/proposal.model';
import { CommentTargetType } from './comment.model';

/**
 * What a comment can be about: an agenda item of a meeting, a draft, or a proposal to a draft's
 * text (its own thread, under the draft's rules: kind 'draft').
 */
export type CommentTarget =
  | {
      kind: 'draft';
      type: CommentTargetType.DRAFT | CommentTargetType.PROPOSAL;
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
  const proposal = await ProposalModel.findById(id, { draftId: 1 }).lean();
  const ofDraft = proposal && (await DraftModel.findById(proposal.draftId).lean<DraftDoc>());
  if (ofDraft)
    return {
      kind: 'draft',
      type: CommentTargetType.PROPOSAL,
      id,
      containerId: ofDraft._id,
      draft: ofDraft,
    };
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
  throw notFound('Comment target (draft, proposal or agenda item)', id.toHexString());
}
