import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { localizedTextSchema } from '../shared/localized';
import { DraftStatus } from './draft-status';

// Every status change, oldest first: who adopted a text and who reopened it is part of the record.
const statusChangeSchema = new Schema(
  {
    status: { type: String, enum: Object.values(DraftStatus), required: true },
    previousStatus: { type: String, enum: Object.values(DraftStatus), required: true },
    at: { type: Date, required: true },
    byId: { type: Schema.Types.ObjectId, required: true },
  },
  { _id: false },
);

const draftSchema = new Schema(
  {
    workingGroupId: { type: Schema.Types.ObjectId, required: true },
    title: { type: localizedTextSchema, required: true },
    status: { type: String, enum: Object.values(DraftStatus), default: DraftStatus.DRAFTING },
    deadline: { type: Date, default: null },
    /** The document symbol it will be issued under (e.g. S/AC.44/2020/WP.1), when one is given. */
    symbol: { type: String, default: null },
    createdById: { type: Schema.Types.ObjectId, default: null },
    statusChangedAt: { type: Date, default: null },
    statusChangedById: { type: Schema.Types.ObjectId, default: null },
    statusHistory: { type: [statusChangeSchema], default: [] },
    // The silence procedure under way, if any: its text is locked (the edit gate reads these with
    // the status). `silenceChangedAt` orders the gate's copies as `statusChangedAt` does.
    silenceProcedureId: { type: Schema.Types.ObjectId, default: null },
    silenceUntil: { type: Date, default: null },
    silenceChangedAt: { type: Date, default: null },
    // A summary of the text for dashboards, written by the edit activity recorder.
    lastEditedAt: { type: Date, default: null },
    lastEditedById: { type: Schema.Types.ObjectId, default: null },
    textLength: { type: Number, default: 0 },
    wordCount: { type: Number, default: 0 },
    /** Bracketed passages in its text (written with the length and words, and on each decision). */
    openBrackets: { type: Number, default: 0 },
    // Proposals in the text awaiting a decision, kept by the proposals module for dashboards.
    openProposals: { type: Number, default: 0 },
  },
  { timestamps: true },
);
draftSchema.index({ workingGroupId: 1 });
draftSchema.index({ createdAt: 1 });

export type DraftDoc = InferSchemaType<typeof draftSchema> & { _id: Types.ObjectId };
export const DraftModel = model('Draft', draftSchema);
