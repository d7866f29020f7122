import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { localizedTextSchema } from '../shared/localized';

const delegationSchema = new Schema(
  {
    /** ISO 3166-1 alpha-3 code of the State. */
    code: { type: String, required: true, uppercase: true, minlength: 3, maxlength: 3 },
    name: { type: localizedTextSchema, required: true },
    /** Year the State's Council term on the Committee started (2021: invited to later 2020 meetings). */
    memberSince: { type: Number, required: true },
    permanent: { type: Boolean, default: false },
  },
  { timestamps: true },
);
delegationSchema.index({ code: 1 }, { unique: true });
delegationSchema.index({ memberSince: 1, code: 1 });

export type DelegationDoc = InferSchemaType<typeof delegationSchema> & { _id: Types.ObjectId };
export const DelegationModel = model('Delegation', delegationSchema);
