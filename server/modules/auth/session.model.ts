import { InferSchemaType, model, Schema, Types } from 'mongoose';

const sessionSchema = new Schema({
  /** sha256 of the bearer token: a leaked database does not leak live tokens. */
  tokenHash: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
  /** Where the sign-in came from, so a person can tell their sessions apart (mySessions). */
  ip: { type: String, default: null },
});
sessionSchema.index({ tokenHash: 1 }, { unique: true });
sessionSchema.index({ userId: 1 });
sessionSchema.index({ expiresAt: 1 });

export type SessionDoc = InferSchemaType<typeof sessionSchema> & { _id: Types.ObjectId };
export const SessionModel = model('Session', sessionSchema);
