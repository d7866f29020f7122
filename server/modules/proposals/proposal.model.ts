import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { ProposalKind, ProposalStatus } from './proposal-status';

// A delegation's position on a proposal: one per delegation, changeable (the last one counts).
const positionSchema = new Schema(
  {
    delegationId: { type: Schema.Types.ObjectId, required: true },
    byId: { type: Schema.Types.ObjectId, required: true },
    support: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

// What the database keeps of a proposal; the proposal itself (its marks) lives in the draft's Yjs
// document. `markId` is the marks' id, `<userId>:<random>`: the author is read from it (the server
// refuses marks carrying another person's id). The text fields are a copy of the document's, kept
// by the proposal tracker, so that lists and dashboards need not read the document.
const proposalSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    markId: { type: String, required: true },
    authorId: { type: Schema.Types.ObjectId, default: null },
    delegationId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: Object.values(ProposalStatus), default: ProposalStatus.OPEN },
    kind: { type: String, enum: Object.values(ProposalKind), required: true },
    /** Words proposed (insertions). */
    inserted: { type: String, default: '' },
    /** Words proposed for deletion. */
    deleted: { type: String, default: '' },
    paragraphId: { type: String, default: null },
    paragraphNumber: { type: Number, default: null },
    positions: { type: [positionSchema], default: [] },
    decidedById: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
proposalSchema.index({ draftId: 1, markId: 1 }, { unique: true });
proposalSchema.index({ draftId: 1, status: 1 });

export type ProposalDoc = InferSchemaType<typeof proposalSchema> & { _id: Types.ObjectId };
export const ProposalModel = model('Proposal', proposalSchema);
