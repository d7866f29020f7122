import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { parseId } from '../shared/ids';
import { AuditFilterInput } from './audit.inputs';
import type { AuditEntryDoc } from './audit.model';
import { listAudit } from './audit.service';
import { AuditEntry } from './audit.type';

const presentEntry = (e: AuditEntryDoc): AuditEntry => ({
  id: e._id.toHexString(),
  at: e.at,
  action: e.action as AuditEntry['action'],
  actorId: e.actorId ? e.actorId.toHexString() : null,
  actorName: e.actorName ?? null,
  targetKind: e.targetKind as AuditEntry['targetKind'],
  targetId: e.targetId.toHexString(),
  targetLabel: e.targetLabel ?? '',
  summary: e.summary ?? '',
  ip: e.ip ?? null,
  requestId: e.requestId ?? null,
});

/** Reading only: the API has no way to change or delete an entry. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized()
  @Query(() => [AuditEntry], {
    complexity: listCost(50),
    description: 'The audit trail, newest first (the Chair and the Secretariat)',
  })
  async auditLog(
    @CurrentUser() user: AuthUser,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput,
  ): Promise<AuditEntry[]> {
    const f = filter ?? {};
    const entries = await listAudit(user, {
      actions: f.actions ?? [],
      actorId: f.actorId ? parseId(f.actorId, 'actorId') : null,
      targetId: f.targetId ? parseId(f.targetId, 'targetId') : null,
      from: f.from ?? null,
      to: f.to ?? null,
      before: f.before ? parseId(f.before, 'before') : null,
      first: f.first ?? 50,
    });
    return entries.map(presentEntry);
  }
}
