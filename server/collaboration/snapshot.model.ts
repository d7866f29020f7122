import { InferSchemaType, model, Schema } from 'mongoose';

// The merged state of a draft's updates 1..seq; its _id is the draft's id. Replaced by one
// conditional single-document write, so a reader sees the old snapshot or the new one, never half.
const draftSnapshotSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    state: { type: Buffer, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type DraftSnapshotDoc = InferSchemaType<typeof draftSnapshotSchema>;
export const DraftSnapshotModel = model('DraftSnapshot', draftSnapshotSchema);
