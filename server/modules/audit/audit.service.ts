import mongoose from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { UserModel } from '../users/user.model';
import type { AuditFilter, AuditRecord } from './audit.data';
import { type AuditEntryDoc, AuditEntryModel } from './audit.model';
import { auditPolicy } from './audit.policy';

/** Appends one entry (the only write there is); the actor's name is read as it is now. */
export async function recordAudit(record: AuditRecord): Promise<void> {
  const actor = record.actorId
    ? await UserModel.findById(record.actorId, { name: 1 }).lean<{ name: string }>()
    : null;
  await AuditEntryModel.create({ ...record, actorName: actor?.name ?? null });
}

/** The trail, newest first, narrowed by the filter; for the Chair and the Secretariat. */
export async function listAudit(user: AuthUser, f: AuditFilter): Promise<AuditEntryDoc[]> {
  authorize(auditPolicy.read(user), 'Only the Chair and the Secretariat read the audit trail.');
  const query: Record<string, unknown> = {};
  if (f.actions.length > 0) query.action = mongoose.trusted({ $in: f.actions });
  if (f.actorId) query.actorId = f.actorId;
  if (f.targetId) query.targetId = f.targetId;
  const at: Record<string, Date> = {};
  if (f.from) at.$gte = f.from;
  if (f.to) at.$lt = f.to;
  if (Object.keys(at).length > 0) query.at = mongoose.trusted(at);
  if (f.before) {
    const pivot = await AuditEntryModel.findById(f.before, { at: 1 }).lean<AuditEntryDoc>();
    if (pivot)
      query.$or = mongoose.trusted([
        { at: { $lt: pivot.at } },
        { at: pivot.at, _id: { $lt: pivot._id } },
      ]);
  }
  return AuditEntryModel.find(query)
    .sort({ at: -1, _id: -1 })
    .limit(f.first)
    .lean<AuditEntryDoc[]>();
}
