import { InferSchemaType, model, Schema, Types } from 'mongoose';

// A person's last visit to a draft: when, the seq of the update log they had seen, and the whole
// Yjs document as they saw it (one update, as a version keeps it). The state is kept rather than
// only the seq so that what changed since can still be shown once compaction has merged the log
// entries after that seq into the snapshot. One per person and draft, overwritten at each visit.
const draftVisitSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    draftId: { type: Schema.Types.ObjectId, required: true },
    seenAt: { type: Date, required: true },
    seq: { type: Number, required: true },
    state: { type: Buffer, required: true },
  },
  { versionKey: false },
);
draftVisitSchema.index({ userId: 1, draftId: 1 }, { unique: true });

export type DraftVisitDoc = InferSchemaType<typeof draftVisitSchema> & { _id: Types.ObjectId };
export const DraftVisitModel = model('DraftVisit', draftVisitSchema);
