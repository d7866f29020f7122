import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { SETTABLE_STATUSES } from './paragraph-status';

// The status of one paragraph of a draft, by its lasting id (the `pid` attribute of its block in
// the Yjs document). Kept here rather than in the document: it is a decision of those who run the
// negotiation, which a raw Yjs client must not be able to write. No row: OPEN.
const paragraphStateSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    paragraphId: { type: String, required: true },
    status: { type: String, enum: SETTABLE_STATUSES, required: true },
    /** For AGREED_AD_REF: the day capitals are to confirm by. */
    confirmBy: { type: Date, default: null },
    setById: { type: Schema.Types.ObjectId, required: true },
    setAt: { type: Date, required: true },
  },
  { versionKey: false },
);
paragraphStateSchema.index({ draftId: 1, paragraphId: 1 }, { unique: true });

export type ParagraphStateDoc = InferSchemaType<typeof paragraphStateSchema> & {
  _id: Types.ObjectId;
};
export const ParagraphStateModel = model('ParagraphState', paragraphStateSchema);
