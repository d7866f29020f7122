import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { Role } from './role';

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    roles: { type: [String], enum: Object.values(Role), required: true },
    delegationId: { type: Schema.Types.ObjectId, default: null },
    workingGroupIds: { type: [Schema.Types.ObjectId], default: [] },
    /** Set by the seed, so production start-up can look for demo passwords left unchanged. */
    seeded: { type: Boolean, default: false },
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ workingGroupIds: 1 });
userSchema.index({ delegationId: 1 });
userSchema.index({ name: 1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema);
