import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { LinkKind } from './account.data';

/**
 * A one-time link (invitation or password reset). Only the token's sha256 is stored, as for
 * sessions. That it is used once is decided by a claim (`claimDecision`), not by `usedAt`: the
 * embedded FerretDB lets several conditional updates through; `usedAt` records it afterwards.
 */
const accountLinkSchema = new Schema({
  tokenHash: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: Object.values(LinkKind), required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
  byId: { type: Schema.Types.ObjectId, required: true },
  usedAt: { type: Date, default: null },
});
accountLinkSchema.index({ tokenHash: 1 }, { unique: true });
accountLinkSchema.index({ userId: 1 });

export type AccountLinkDoc = InferSchemaType<typeof accountLinkSchema> & { _id: Types.ObjectId };
export const AccountLinkModel = model('AccountLink', accountLinkSchema);
