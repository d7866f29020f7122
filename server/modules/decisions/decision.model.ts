import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { DecisionKind } from './decision-kind';

// One decision taken on a draft's text during negotiation (a proposal accepted, a paragraph
// agreed, a reading's outcome, a bracket lifted). Append-only: the history shows them beside the
// automatic revisions and the numbered versions.
const draftDecisionSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: Object.values(DecisionKind), required: true },
    /** The paragraph it is about, when it is about one (its lasting id). */
    paragraphId: { type: String, default: null },
    /** The paragraph's number when the decision was taken (numbers move; ids do not). */
    paragraphNumber: { type: Number, default: null },
    /** What was decided, in a few words: the new status, the accepted text, the reading's round. */
    detail: { type: String, default: '' },
    /** The passage it is about (a proposal's text, the bracketed words), when there is one. */
    text: { type: String, default: '' },
    /** The proposal, bracket or reading it is about. */
    subjectId: { type: String, default: null },
    byId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
draftDecisionSchema.index({ draftId: 1, at: -1, _id: -1 });

export type DraftDecisionDoc = InferSchemaType<typeof draftDecisionSchema> & {
  _id: Types.ObjectId;
};
export const DraftDecisionModel = model('DraftDecision', draftDecisionSchema);
