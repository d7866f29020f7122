import { InferSchemaType, model, Schema, Types } from 'mongoose';

// Stored edits of a draft per UTC day: what the Chair's activity chart draws. Kept apart from
// the update log because compaction deletes log entries but the history of activity stays.
const draftActivitySchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    /** YYYY-MM-DD (UTC) */
    day: { type: String, required: true },
    edits: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
draftActivitySchema.index({ draftId: 1, day: 1 }, { unique: true });

export type DraftActivityDoc = InferSchemaType<typeof draftActivitySchema> & {
  _id: Types.ObjectId;
};
export const DraftActivityModel = model('DraftActivity', draftActivitySchema);
