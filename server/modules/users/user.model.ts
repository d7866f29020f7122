import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { Role } from './role';

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    /** Null until an invited person sets theirs (acceptInvitation): nobody can sign in as them. */
    passwordHash: { type: String, default: null },
    roles: { type: [String], enum: Object.values(Role), required: true },
    delegationId: { type: Schema.Types.ObjectId, default: null },
    workingGroupIds: { type: [Schema.Types.ObjectId], default: [] },
    /** Set by the seed, so production start-up can look for demo passwords left unchanged. */
    seeded: { type: Boolean, default: false },
    /** Set by deactivateUser: every session ended then, and no sign-in is accepted until reactivated. */
    deactivatedAt: { type: Date, default: null },
    /** Who invited the person (inviteUser); null for the seed's accounts. */
    invitedById: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ workingGroupIds: 1 });
userSchema.index({ delegationId: 1 });
userSchema.index({ name: 1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema);
