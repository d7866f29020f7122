import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { taskSchema } from '../committee/committee.model';
import { localizedTextSchema } from '../shared/localized';

const workingGroupSchema = new Schema(
  {
    number: { type: Number, required: true, min: 1, max: 4 },
    /** Paragraph of the programme of work that sets its mandate (8 to 11). */
    paragraph: { type: Number, required: true },
    title: { type: localizedTextSchema, required: true },
    mandate: { type: [taskSchema], default: [] },
    coordinatorId: { type: Schema.Types.ObjectId, default: null },
    /**
     * The delegations that sit in the group (the Secretariat assigns them). Edit rights stay a
     * person's: a delegate writes in the groups they are a member of, not in their delegation's.
     */
    delegationIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true },
);
workingGroupSchema.index({ number: 1 }, { unique: true });

export type WorkingGroupDoc = InferSchemaType<typeof workingGroupSchema> & { _id: Types.ObjectId };
export const WorkingGroupModel = model('WorkingGroup', workingGroupSchema);
