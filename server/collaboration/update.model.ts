import { InferSchemaType, model, Schema, Types } from 'mongoose';

// One stored Yjs update of a draft. `seq` numbers a draft's updates 1, 2, 3... without gaps:
// the unique index makes the insert itself the point where a number is taken.
const draftUpdateSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    update: { type: Buffer, required: true },
    clientId: { type: String, default: null },
    userId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
draftUpdateSchema.index({ draftId: 1, seq: 1 }, { unique: true });

export type DraftUpdateDoc = InferSchemaType<typeof draftUpdateSchema> & { _id: Types.ObjectId };
export const DraftUpdateModel = model('DraftUpdate', draftUpdateSchema);
