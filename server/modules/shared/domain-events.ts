import type { Types } from 'mongoose';
import { EventBus } from '../../core/event-bus';
import { logger } from '../../logger';
import type { AccountChange } from '../accounts/account.data';
import type { CommentDoc } from '../comments/comment.model';
import type { ConsultationDoc } from '../consultations/consultation.model';
import type { DecisionKind } from '../decisions/decision-kind';
import type { DraftDoc } from '../drafts/draft.model';
import type { DraftStatus } from '../drafts/draft-status';
import type { MeetingDoc } from '../meetings/meeting.model';
import type { NotificationDoc } from '../notifications/notification.model';
import type { ParagraphStatus } from '../paragraphs/paragraph-status';
import type { DraftReadingDoc } from '../readings/reading.model';
import type { UserDoc } from '../users/user.model';
import type { DraftVersionDoc } from '../versions/version.model';
import type { MembershipChange, PersonMembership } from '../working-groups/membership.data';
import type { WorkingGroupDoc } from '../working-groups/working-group.model';

/**
 * What happened in the domain, each emitted once by the service that made the change, after its
 * write succeeded. Side effects (live topics, dashboards, and next history and notifications)
 * subscribe to these instead of being called from each service.
 */
export interface DomainEventMap {
  'draft.created': { draft: DraftDoc; byId: Types.ObjectId };
  'draft.updated': {
    draft: DraftDoc;
    byId: Types.ObjectId;
    changed: ('title' | 'deadline' | 'symbol')[];
  };
  'draft.statusChanged': {
    draft: DraftDoc;
    byId: Types.ObjectId;
    from: DraftStatus;
    to: DraftStatus;
    /** Set when a silence procedure's end moved the status ('silence.changed' tells the rest). */
    bySilence?: boolean;
  };
  /** The text was frozen as a numbered version (by someone, or by adoption: byId null). */
  'draft.versionCreated': {
    draft: Pick<DraftDoc, '_id' | 'workingGroupId'>;
    version: DraftVersionDoc;
    byId: Types.ObjectId | null;
  };
  /** The text was made that of a version again, as the change stored at `seq`. */
  'draft.versionRestored': {
    draft: DraftDoc;
    version: DraftVersionDoc;
    byId: Types.ObjectId;
    seq: number;
  };
  /** A bracket was lifted or one of its options chosen, as the change stored at `seq`. */
  'draft.bracketDecided': {
    draft: DraftDoc;
    bracketId: string;
    kind: DecisionKind;
    byId: Types.ObjectId;
    seq: number;
  };
  /** Updates were stored durably in the draft's log (each keystroke batch, in seq order). */
  'draft.edited': {
    draftId: string;
    lastSeq: number;
    count: number;
    userId: Types.ObjectId | null;
  };
  /** The summary a dashboard shows (length, last edit, edits per day) was written. */
  'draft.activityRecorded': { draftId: string };
  /** Someone opened or left the draft on this instance. */
  'draft.presenceChanged': { draftId: string };
  /** Someone's visit to the draft was recorded (what is new to them since is counted from it). */
  'draft.visited': { draftId: string; userId: Types.ObjectId };
  /** A reading of the draft started, moved to a paragraph, recorded an outcome or ended. */
  'reading.changed': {
    reading: DraftReadingDoc;
    byId: Types.ObjectId;
    change: 'started' | 'moved' | 'outcome' | 'ended';
  };
  /**
   * A draft's proposals changed: found in or gone from its text, supported or objected to,
   * accepted or rejected (the text change itself travels as an edit).
   */
  'proposal.changed': {
    draftId: string;
    proposalId: Types.ObjectId | null;
    change: 'synced' | 'position' | 'accepted' | 'rejected';
  };
  /** A paragraph's status was set (agreed, parked, reopened…): its lock follows it. */
  'paragraph.statusChanged': {
    draft: Pick<DraftDoc, '_id' | 'workingGroupId' | 'status'>;
    paragraphId: string;
    status: ParagraphStatus;
    byId: Types.ObjectId;
  };
  /**
   * A silence procedure on a draft started, was broken by a delegation, ended in adoption at its
   * deadline (byId null) or was withdrawn by the Chair.
   */
  'silence.changed': {
    draftId: Types.ObjectId;
    procedureId: Types.ObjectId;
    change: 'started' | 'broken' | 'adopted' | 'withdrawn';
    until: Date;
    byId: Types.ObjectId | null;
    /** The delegation that broke silence (change 'broken'). */
    delegationId: Types.ObjectId | null;
  };
  /**
   * An open consultation on a frozen version was opened or closed (by the Secretariat: byId; by
   * its closing date: null).
   */
  'consultation.changed': {
    consultation: ConsultationDoc;
    change: 'opened' | 'closed';
    byId: Types.ObjectId | null;
  };
  'comment.added': { comment: CommentDoc };
  'comment.changed': {
    comment: CommentDoc;
    change: 'edited' | 'deleted' | 'resolved' | 'reopened';
  };
  'meeting.created': { meeting: MeetingDoc; byId: Types.ObjectId };
  /** The meeting itself or its agenda changed. */
  'meeting.changed': { meeting: MeetingDoc; byId: Types.ObjectId };
  'meeting.deleted': { meetingId: Types.ObjectId; byId: Types.ObjectId };
  // Notifications (issue 12, item 2).
  /** Notices were written for people (each to its person's bell). */
  'notifications.added': { notifications: NotificationDoc[] };
  /** A person marked notifications read: `unread` are left. */
  'notifications.read': { userId: Types.ObjectId; unread: number };
  'session.started': { sessionId: Types.ObjectId; userId: Types.ObjectId };
  'session.revoked': { sessionIds: Types.ObjectId[]; userId: Types.ObjectId | null };
  'user.passwordChanged': { userId: Types.ObjectId };
  // Membership (issue 12, item 4).
  /**
   * Who sits in a working group or coordinates it changed (the Secretariat's doing): `people` are
   * those whose memberships changed, as they now are, for their open sessions to apply at once.
   */
  'workingGroup.membershipChanged': {
    workingGroup: WorkingGroupDoc;
    change: MembershipChange;
    byId: Types.ObjectId;
    people: PersonMembership[];
  };
  // The review report (issue 13, item 3).
  /** A newer (or another) version of a source draft replaced one section of a compiled report. */
  'report.sectionTakenIn': {
    draft: DraftDoc;
    sectionId: Types.ObjectId;
    versionId: Types.ObjectId;
    byId: Types.ObjectId;
    seq: number;
  };
  // Accounts (issue 14, item 1).
  /**
   * The Secretariat made a one-time link for a person: an invitation (a new account) or a
   * password reset. `url` carries the token: it goes to the person's mailbox and nowhere else
   * (never to pub/sub, logs or the audit trail).
   */
  'account.linkIssued': {
    user: UserDoc;
    kind: 'invitation' | 'reset';
    url: string;
    expiresAt: Date;
    byId: Types.ObjectId;
  };
  /**
   * A person's account changed: `user` as it now is; `byId` who did it (the person themselves
   * when they used a link). Role changes also reach their open sessions.
   */
  'account.changed': {
    user: UserDoc;
    change: AccountChange;
    byId: Types.ObjectId;
    /** For 'rolesChanged': the roles before. */
    previousRoles?: string[];
  };
}

export type DomainEventType = keyof DomainEventMap;

/**
 * The domain events of one server instance. Events cross instances only through what processors
 * (server/events/) publish on pub/sub.
 */
export class DomainEvents extends EventBus<DomainEventMap> {
  constructor() {
    // The write is done; a failing side effect must not turn it into an error for the caller.
    super((err, type) => logger.error({ err, event: type }, 'domain event processor failed'));
  }
}
