import type { Types } from 'mongoose';
import type { AuditAction, AuditTarget } from './audit-action';

/** One entry to append: what the processors and services know at the moment of the change. */
export interface AuditRecord {
  action: AuditAction;
  actorId: Types.ObjectId | null;
  targetKind: AuditTarget;
  targetId: Types.ObjectId;
  targetLabel: string;
  summary: string;
  /** When; given by whoever saw it happen. */
  at: Date;
  ip: string | null;
  requestId: string | null;
}

/** How the Chair and the Secretariat narrow the trail; every part optional. */
export interface AuditFilter {
  actions: AuditAction[];
  actorId: Types.ObjectId | null;
  targetId: Types.ObjectId | null;
  from: Date | null;
  to: Date | null;
  /** Entries strictly older than this one (paging back). */
  before: Types.ObjectId | null;
  first: number;
}
