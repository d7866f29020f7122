import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { AuditAction, AuditTarget } from './audit-action';

/**
 * The audit trail: one entry per change of status, version, restore, silence, membership, role
 * and account; who, what, when, from where. Append-only: entries are only ever inserted
 * (`recordAudit`), and the model refuses every update and delete it is asked for, so no code
 * path (the API has none) can rewrite history through it.
 */
const auditEntrySchema = new Schema({
  at: { type: Date, required: true },
  action: { type: String, enum: Object.values(AuditAction), required: true },
  /** Who did it; null for the platform itself (a silence's deadline). */
  actorId: { type: Schema.Types.ObjectId, default: null },
  /** Their name then, so the entry reads the same if they are renamed later. */
  actorName: { type: String, default: null },
  targetKind: { type: String, enum: Object.values(AuditTarget), required: true },
  targetId: { type: Schema.Types.ObjectId, required: true },
  /** What the target was called then (a draft's title, a person's name). */
  targetLabel: { type: String, default: '' },
  /** What changed, in a sentence of data: "DRAFTING → IN_REVIEW", "version 3 'Before the retreat'". */
  summary: { type: String, default: '' },
  /** The client's address (`currentRequest().ip`); null for scheduled work. */
  ip: { type: String, default: null },
  requestId: { type: String, default: null },
});
auditEntrySchema.index({ at: -1, _id: -1 });
auditEntrySchema.index({ action: 1, at: -1 });
auditEntrySchema.index({ actorId: 1, at: -1 });
auditEntrySchema.index({ targetId: 1, at: -1 });

const refuse = () => {
  throw new Error('The audit trail is append-only: entries are never changed or deleted.');
};
for (const op of [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const)
  auditEntrySchema.pre(op, refuse);

export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema> & { _id: Types.ObjectId };
export const AuditEntryModel = model('AuditEntry', auditEntrySchema);
