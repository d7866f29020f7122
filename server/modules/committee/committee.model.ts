import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { localizedTextSchema } from '../shared/localized';

const taskSchema = new Schema(
  { letter: { type: String, required: true }, text: { type: localizedTextSchema, required: true } },
  { _id: false },
);

const committeeSchema = new Schema(
  {
    name: { type: localizedTextSchema, required: true },
    resolution: { type: String, required: true },
    programmeNumber: { type: Number, required: true },
    periodStart: { type: Date, required: true },
    periodEnd: { type: Date, required: true },
    chairName: { type: String, required: true },
    chairDelegationId: { type: Schema.Types.ObjectId, default: null },
    mandateEnd: { type: Date, required: true },
    reviewReportDue: { type: Date, required: true },
    /** §12: administration and resources, the Committee's own tasks. */
    administrationTasks: { type: [taskSchema], default: [] },
  },
  { timestamps: true },
);

export type CommitteeDoc = InferSchemaType<typeof committeeSchema> & { _id: Types.ObjectId };
export const CommitteeModel = model('Committee', committeeSchema);
export { taskSchema };
