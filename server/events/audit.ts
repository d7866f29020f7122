import mongoose, { type Types } from 'mongoose';
import { currentRequest } from '../core/request-context';
import { logger } from '../logger';
import type { AuditRecord } from '../modules/audit/audit.data';
import { recordAudit } from '../modules/audit/audit.service';
import { AuditAction, AuditTarget } from '../modules/audit/audit-action';
import { DraftModel } from '../modules/drafts/draft.model';
import type { DomainEvents } from '../modules/shared/domain-events';
import { UserModel } from '../modules/users/user.model';

type Entry = Omit<AuditRecord, 'at' | 'ip' | 'requestId' | 'targetLabel'> & {
  /** What the target is called; read later when not known at once (a draft's title). */
  targetLabel: string | (() => Promise<string>);
};

const draftTitle = (id: Types.ObjectId) => async () => {
  const draft = await DraftModel.findById(id, { title: 1 }).lean<{ title?: { en?: string } }>();
  return draft?.title?.en ?? '';
};

const names = async (ids: Types.ObjectId[]): Promise<string> => {
  const people = await UserModel.find({ _id: mongoose.trusted({ $in: ids }) }, { name: 1 }).lean<
    { name: string }[]
  >();
  return people.map((p) => p.name).join(', ');
};

/**
 * The audit trail: every change of status, version, restore, silence, membership, role and
 * account becomes one entry. When and from where are taken at once, in the synchronous part of
 * the handler, where the request's context (`currentRequest()`) is still the one that made the
 * change; the rest (names, the write) follows. A failed write is logged, never the caller's error.
 */
export function auditTrail(events: DomainEvents): (() => void)[] {
  const append = (entry: Entry, extra?: () => Promise<Partial<Entry>>) => {
    const request = currentRequest();
    const at = new Date();
    const work = async () => {
      const more = extra ? await extra() : {};
      const full = { ...entry, ...more };
      const targetLabel =
        typeof full.targetLabel === 'function' ? await full.targetLabel() : full.targetLabel;
      await recordAudit({
        ...full,
        targetLabel,
        at,
        ip: request?.ip ?? null,
        requestId: request?.requestId ?? null,
      });
    };
    work().catch((err: unknown) =>
      logger.error({ err, action: entry.action }, 'could not write an audit entry'),
    );
  };

  return [
    events.on('draft.statusChanged', ({ draft, byId, from, to, bySilence }) =>
      append({
        action: AuditAction.DRAFT_STATUS_CHANGED,
        actorId: byId,
        targetKind: AuditTarget.DRAFT,
        targetId: draft._id,
        targetLabel: draft.title?.en ?? '',
        summary: `${from} → ${to}${bySilence ? ' (end of the silence procedure)' : ''}`,
      }),
    ),
    events.on('draft.versionCreated', ({ draft, version, byId }) =>
      append({
        action: AuditAction.DRAFT_VERSION_CREATED,
        actorId: byId,
        targetKind: AuditTarget.DRAFT,
        targetId: draft._id,
        targetLabel: draftTitle(draft._id),
        summary: `version ${version.number}${version.label ? ` “${version.label}”` : ''}`,
      }),
    ),
    events.on('draft.versionRestored', ({ draft, version, byId }) =>
      append({
        action: AuditAction.DRAFT_VERSION_RESTORED,
        actorId: byId,
        targetKind: AuditTarget.DRAFT,
        targetId: draft._id,
        targetLabel: draft.title?.en ?? '',
        summary: `text of version ${version.number}${version.label ? ` “${version.label}”` : ''}`,
      }),
    ),
    events.on('silence.changed', ({ draftId, change, until, byId }) =>
      append({
        action: AuditAction.SILENCE_CHANGED,
        actorId: byId,
        targetKind: AuditTarget.DRAFT,
        targetId: draftId,
        targetLabel: draftTitle(draftId),
        summary: `${change} (deadline ${until.toISOString()})`,
      }),
    ),
    events.on('consultation.changed', ({ consultation, change, byId }) =>
      append({
        action: AuditAction.CONSULTATION_CHANGED,
        actorId: byId,
        targetKind: AuditTarget.DRAFT,
        targetId: consultation.draftId,
        targetLabel: draftTitle(consultation.draftId),
        summary: `consultation ${change} on version ${consultation.versionNumber}${
          change === 'opened' && consultation.closesAt
            ? ` (closes ${consultation.closesAt.toISOString()})`
            : ''
        }`,
      }),
    ),
    events.on('workingGroup.membershipChanged', ({ workingGroup, change, byId, people }) =>
      append(
        {
          action: AuditAction.MEMBERSHIP_CHANGED,
          actorId: byId,
          targetKind: AuditTarget.WORKING_GROUP,
          targetId: workingGroup._id,
          targetLabel: `Working group ${workingGroup.number}`,
          summary: change,
        },
        async () => {
          const who = await names(people.map((p) => p.userId));
          return { summary: who ? `${change}: ${who}` : change };
        },
      ),
    ),
    events.on('account.linkIssued', ({ user, kind, byId }) =>
      // Never the url: it holds the token.
      append({
        action:
          kind === 'invitation' ? AuditAction.USER_INVITED : AuditAction.PASSWORD_RESET_ISSUED,
        actorId: byId,
        targetKind: AuditTarget.USER,
        targetId: user._id,
        targetLabel: user.name,
        summary: kind === 'invitation' ? `${user.email} as ${user.roles.join(', ')}` : user.email,
      }),
    ),
    events.on('account.changed', ({ user, change, byId, previousRoles }) => {
      const action = {
        invitationAccepted: AuditAction.INVITATION_ACCEPTED,
        passwordReset: AuditAction.PASSWORD_RESET,
        deactivated: AuditAction.USER_DEACTIVATED,
        reactivated: AuditAction.USER_REACTIVATED,
        rolesChanged: AuditAction.ROLES_CHANGED,
      }[change];
      append({
        action,
        actorId: byId,
        targetKind: AuditTarget.USER,
        targetId: user._id,
        targetLabel: user.name,
        summary:
          change === 'rolesChanged'
            ? `${(previousRoles ?? []).join(', ')} → ${user.roles.join(', ')}`
            : user.email,
      });
    }),
    events.on('user.passwordChanged', ({ userId }) =>
      append(
        {
          action: AuditAction.PASSWORD_CHANGED,
          actorId: userId,
          targetKind: AuditTarget.USER,
          targetId: userId,
          targetLabel: '',
          summary: '',
        },
        async () => ({ targetLabel: await names([userId]) }),
      ),
    ),
  ];
}
