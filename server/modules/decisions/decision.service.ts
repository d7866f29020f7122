import type { Types } from 'mongoose';
import { type DraftDecisionDoc, DraftDecisionModel } from './decision.model';
import type { DecisionKind } from './decision-kind';

export interface DecisionData {
  draftId: Types.ObjectId;
  kind: DecisionKind;
  byId: Types.ObjectId;
  paragraphId?: string | null;
  paragraphNumber?: number | null;
  detail?: string;
  text?: string;
  subjectId?: string | null;
  at?: Date;
}

/** Records a decision in the draft's history (called by the service that took it, after its write). */
export async function recordDecision(data: DecisionData): Promise<DraftDecisionDoc> {
  const doc = await DraftDecisionModel.create({ ...data, at: data.at ?? new Date() });
  return doc.toObject() as DraftDecisionDoc;
}

/** A draft's decisions, newest first. */
export function listDecisions(draftId: Types.ObjectId, limit = 200): Promise<DraftDecisionDoc[]> {
  return DraftDecisionModel.find({ draftId })
    .sort({ at: -1, _id: -1 })
    .limit(limit)
    .lean<DraftDecisionDoc[]>()
    .exec();
}
