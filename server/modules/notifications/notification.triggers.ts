import mongoose, { type Types } from 'mongoose';
import type { CommentDoc } from '../comments/comment.model';
import { CommentModel } from '../comments/comment.model';
import { resolveTarget } from '../comments/comment-target';
import { DelegationModel } from '../delegations/delegation.model';
import { type DraftDoc, DraftModel } from '../drafts/draft.model';
import { DraftStatus } from '../drafts/draft-status';
import { ProposalModel } from '../proposals/proposal.model';
import type { DomainEventMap, DomainEvents } from '../shared/domain-events';
import type { LocalizedText } from '../shared/localized';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';
import { findMentions } from './mentions';
import {
  delegationMembers,
  groupMembers,
  mentionables,
  officers,
  withRole,
} from './notification.recipients';
import { notify } from './notification.service';
import { texts } from './notification.texts';
import { NotificationKind } from './notification-kind';

// What each domain event means for whom: the processors in server/events/notifications.ts call
// these with the event's data. Each reads what it needs fresh (title, members, preferences).

export const draftLink = (draftId: Types.ObjectId | string) =>
  `/drafts/${typeof draftId === 'string' ? draftId : draftId.toHexString()}`;

async function draftById(id: Types.ObjectId | string): Promise<DraftDoc | null> {
  return DraftModel.findById(id).lean<DraftDoc>();
}

/** A silence started, broken, ended in adoption or withdrawn: the group, the Chair, the Secretariat. */
export async function onSilenceChanged(
  e: DomainEventMap['silence.changed'],
  events: DomainEvents,
): Promise<void> {
  const draft = await draftById(e.draftId);
  if (!draft) return;
  const audience = [...(await groupMembers(draft.workingGroupId)), ...(await officers())];
  const base = {
    key: `silence:${e.procedureId.toHexString()}:${e.change}`,
    link: draftLink(draft._id),
    draftId: draft._id,
  };
  if (e.change === 'started') {
    await notify(
      {
        ...base,
        kind: NotificationKind.SILENCE_STARTED,
        text: texts.silenceStarted(draft.title, e.until),
      },
      { to: audience, actorId: e.byId },
      events,
    );
  } else if (e.change === 'broken') {
    const delegation = e.delegationId
      ? await DelegationModel.findById(e.delegationId, { name: 1 }).lean()
      : null;
    await notify(
      {
        ...base,
        kind: NotificationKind.SILENCE_BROKEN,
        text: texts.silenceBroken(draft.title, delegation?.name ?? null),
      },
      // The Chair must learn of a break, whatever their preferences.
      { to: audience, actorId: e.byId, always: await withRole(Role.CHAIR) },
      events,
    );
  } else {
    await notify(
      {
        ...base,
        kind: NotificationKind.SILENCE_ENDED,
        text:
          e.change === 'adopted'
            ? texts.silenceAdopted(draft.title, e.until)
            : texts.silenceWithdrawn(draft.title),
      },
      { to: audience, actorId: e.byId },
      events,
    );
  }
}

/** A consultation of Member States opened or closed: the draft's group and the officers. */
export async function onConsultationChanged(
  e: DomainEventMap['consultation.changed'],
  events: DomainEvents,
): Promise<void> {
  const draft = await draftById(e.consultation.draftId);
  if (!draft) return;
  const { consultation } = e;
  await notify(
    {
      kind: NotificationKind.CONSULTATION,
      key: `consultation:${consultation._id.toHexString()}:${e.change}`,
      link: draftLink(draft._id),
      draftId: draft._id,
      text:
        e.change === 'opened'
          ? texts.consultationOpened(
              draft.title,
              consultation.versionNumber,
              consultation.closesAt ?? null,
            )
          : texts.consultationClosed(draft.title, consultation.versionNumber),
    },
    {
      to: [...(await groupMembers(draft.workingGroupId)), ...(await officers())],
      actorId: e.byId,
    },
    events,
  );
}

/** A proposal accepted or rejected: its delegation's people (not the one who decided). */
export async function onProposalChanged(
  e: DomainEventMap['proposal.changed'],
  events: DomainEvents,
): Promise<void> {
  if ((e.change !== 'accepted' && e.change !== 'rejected') || !e.proposalId) return;
  const proposal = await ProposalModel.findById(e.proposalId).lean();
  if (!proposal) return;
  const draft = await draftById(proposal.draftId);
  if (!draft) return;
  const to = proposal.delegationId
    ? await delegationMembers([proposal.delegationId])
    : proposal.authorId
      ? [proposal.authorId]
      : [];
  const words = (proposal.inserted || proposal.deleted).trim();
  await notify(
    {
      kind: NotificationKind.PROPOSAL_DECIDED,
      key: `proposal:${proposal._id.toHexString()}:${e.change}`,
      text: texts.proposalDecided(
        draft.title,
        e.change === 'accepted',
        words.length > 60 ? `${words.slice(0, 59)}…` : words,
      ),
      link: draftLink(draft._id),
      draftId: draft._id,
    },
    { to, actorId: proposal.decidedById ?? null },
    events,
  );
}

/** A new comment: a reply tells the parent's author; an @mention tells the person or delegation. */
export async function onCommentAdded(comment: CommentDoc, events: DomainEvents): Promise<void> {
  const target = await resolveTarget(comment.targetId).catch(() => null);
  if (!target) return;
  let about: LocalizedText;
  let link: string;
  let draftId: Types.ObjectId | null = null;
  if (target.kind === 'draft') {
    about = texts.draftTarget(target.draft.title);
    link = draftLink(target.draft._id);
    draftId = target.draft._id;
  } else {
    about = texts.agendaTarget(target.item.title);
    link = `/calendar/${target.meeting.date.toISOString().slice(0, 7)}`;
  }
  const author = (await UserModel.findById(comment.authorId, { name: 1 }).lean())?.name ?? '—';
  const base = { link, draftId, commentId: comment._id };

  let parentAuthor: Types.ObjectId | null = null;
  if (comment.parentId) {
    const parent = await CommentModel.findById(comment.parentId, { authorId: 1 }).lean();
    parentAuthor = parent?.authorId ?? null;
    if (parentAuthor)
      await notify(
        {
          ...base,
          kind: NotificationKind.COMMENT_REPLY,
          key: `reply:${comment._id.toHexString()}`,
          text: texts.reply(author, about),
        },
        { to: [parentAuthor], actorId: comment.authorId },
        events,
      );
  }

  if (!comment.body?.includes('@')) return;
  const known = await mentionables();
  const named = new Set(
    findMentions(
      comment.body,
      known.map((m) => m.name),
    ).map((n) => n.toLocaleLowerCase()),
  );
  const hits = known.filter((m) => named.has(m.name.toLocaleLowerCase()));
  // The reply already told the parent's author about this comment.
  const notParent = (id: Types.ObjectId) => !parentAuthor?.equals(id);
  const people = hits.flatMap((m) => (m.userId ? [m.userId] : [])).filter(notParent);
  const delegates = (
    await delegationMembers(hits.flatMap((m) => (m.delegationId ? [m.delegationId] : [])))
  ).filter((id) => notParent(id) && !people.some((p) => p.equals(id)));
  const key = `mention:${comment._id.toHexString()}`;
  await notify(
    { ...base, kind: NotificationKind.MENTION, key, text: texts.mention(author, about, false) },
    { to: people, actorId: comment.authorId },
    events,
  );
  await notify(
    { ...base, kind: NotificationKind.MENTION, key, text: texts.mention(author, about, true) },
    { to: delegates, actorId: comment.authorId },
    events,
  );
}

/** A status change of a draft: its group's members (not the one who changed it). */
export async function onDraftStatusChanged(
  e: DomainEventMap['draft.statusChanged'],
  events: DomainEvents,
): Promise<void> {
  const { draft } = e;
  // The silence's own notice (adopted, broken) says it; a second one would repeat it.
  if (e.bySilence) return;
  await notify(
    {
      kind: NotificationKind.DRAFT_STATUS,
      key: `status:${draft._id.toHexString()}:${(draft.statusChangedAt ?? new Date()).toISOString()}:${e.to}`,
      text: texts.statusChanged(draft.title, e.to),
      link: draftLink(draft._id),
      draftId: draft._id,
    },
    { to: await groupMembers(draft.workingGroupId), actorId: e.byId },
    events,
  );
}

export const DEADLINE_NOTICE_MS = 48 * 3600_000;

/**
 * Drafts due within 48 hours (not yet adopted): their group is told once per draft and deadline
 * (a moved deadline is a new one). Any instance may run it any number of times: the notice's key
 * is unique per person.
 */
export async function noticeDeadlines(now: Date, events: DomainEvents): Promise<number> {
  const drafts = await DraftModel.find({
    deadline: mongoose.trusted({ $gt: now, $lte: new Date(now.getTime() + DEADLINE_NOTICE_MS) }),
    status: mongoose.trusted({ $ne: DraftStatus.ADOPTED }),
  }).lean<DraftDoc[]>();
  let sent = 0;
  for (const draft of drafts) {
    if (!draft.deadline) continue;
    const created = await notify(
      {
        kind: NotificationKind.DEADLINE_SOON,
        key: `deadline:${draft._id.toHexString()}:${draft.deadline.toISOString()}`,
        text: texts.deadlineSoon(draft.title, draft.deadline),
        link: draftLink(draft._id),
        draftId: draft._id,
      },
      { to: await groupMembers(draft.workingGroupId), actorId: null },
      events,
    );
    sent += created.length;
  }
  return sent;
}
