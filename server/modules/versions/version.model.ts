import { InferSchemaType, model, Schema, Types } from 'mongoose';

// A numbered revision of a draft ("Rev.1", "Rev.2"…): the whole Yjs document frozen as one update,
// the seq of the log it was read at, and its plain text. Never changed once written; the unique
// index makes the insert the point where a number is taken (two creations never share one).
const draftVersionSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    label: { type: String, default: null },
    state: { type: Buffer, required: true },
    seq: { type: Number, required: true },
    text: { type: String, default: '' },
    /** Null for a version frozen by the platform itself (adoption) on nobody's request. */
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
draftVersionSchema.index({ draftId: 1, number: 1 }, { unique: true });

export type DraftVersionDoc = InferSchemaType<typeof draftVersionSchema> & { _id: Types.ObjectId };
export const DraftVersionModel = model('DraftVersion', draftVersionSchema);
