import { InferSchemaType, Schema, Types, model } from 'mongoose';
import { localizedTextSchema } from '../shared/localized';
import { DraftStatus } from './draft-status';

const draftSchema = new Schema(
  {
    workingGroupId: { type: Schema.Types.ObjectId, required: true },
    title: { type: localizedTextSchema, required: true },
    status: { type: String, enum: Object.values(DraftStatus), default: DraftStatus.DRAFTING },
    deadline: { type: Date, default: null },
    createdById: { type: Schema.Types.ObjectId, default: null },
    statusChangedAt: { type: Date, default: null },
    statusChangedById: { type: Schema.Types.ObjectId, default: null },
    // A summary of the text for dashboards, written by the edit activity recorder.
    lastEditedAt: { type: Date, default: null },
    lastEditedById: { type: Schema.Types.ObjectId, default: null },
    textLength: { type: Number, default: 0 },
    wordCount: { type: Number, default: 0 },
  },
  { timestamps: true },
);
draftSchema.index({ workingGroupId: 1 });
draftSchema.index({ createdAt: 1 });

export type DraftDoc = InferSchemaType<typeof draftSchema> & { _id: Types.ObjectId };
export const DraftModel = model('Draft', draftSchema);
