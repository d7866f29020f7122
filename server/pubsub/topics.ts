import type { CommentDoc } from '../modules/comments/comment.model';
import type { DraftDoc } from '../modules/drafts/draft.model';
import type { MeetingDoc } from '../modules/meetings/meeting.model';
import type { NotificationDoc } from '../modules/notifications/notification.model';

export enum Topic {
  CommentAdded = 'COMMENT_ADDED',
  CommentChanged = 'COMMENT_CHANGED',
  AgendaChanged = 'AGENDA_CHANGED',
  MeetingsChanged = 'MEETINGS_CHANGED',
  DraftStatusChanged = 'DRAFT_STATUS_CHANGED',
  DraftUpdate = 'DRAFT_UPDATE',
  DraftChanged = 'DRAFT_CHANGED',
  ParagraphsChanged = 'PARAGRAPHS_CHANGED',
  Presence = 'PRESENCE',
  SessionRevoked = 'SESSION_REVOKED',
  ReadingChanged = 'READING_CHANGED',
  // Notifications (issue 12, item 2), routed by the person's id.
  NotificationAdded = 'NOTIFICATION_ADDED',
  NotificationsRead = 'NOTIFICATIONS_READ',
  // Membership (issue 12, item 4).
  MembershipChanged = 'MEMBERSHIP_CHANGED',
  WorkingGroupChanged = 'WORKING_GROUP_CHANGED',
  // Open consultations (issue 13, item 4), routed by the consultation's id.
  ConsultationChanged = 'CONSULTATION_CHANGED',
  // Accounts (issue 14, item 1), routed under ALL: the People page lists everyone.
  AccountChanged = 'ACCOUNT_CHANGED',
}

/** Where an update was accepted: the instance and its running count, so that a subscriber can
 * tell whether it was sent the update live before it was stored. */
export interface UpdateTicket {
  origin: string;
  ticket: number;
}

/** An update of a draft, checked and accepted, sent to the editors before it is durable. */
export interface LiveDraftUpdate extends UpdateTicket {
  kind: 'live';
  draftId: string;
  /** base64 Yjs update, as received */
  update: string;
  clientId: string | null;
  /** The connection it came from (or `user:<id>` over HTTP). */
  sender: string;
}

/** Updates of a draft stored by one write, in seq order. */
export interface StoredDraftUpdates {
  kind: 'stored';
  draftId: string;
  entries: (UpdateTicket & { seq: number; update: string; clientId: string | null })[];
}

export type DraftUpdatePayload = LiveDraftUpdate | StoredDraftUpdates;

/** An awareness (presence) change of a draft, relayed between instances. */
export interface PresencePayload {
  draftId: string;
  /** base64 y-protocols awareness update */
  update: string;
  /** Yjs client ids of the awareness entries it sets or removes, mapped to their signed-in user */
  owners: { clientId: number; userId: string; name: string }[];
  /** The instance that produced it, so it does not apply its own change twice. */
  origin: string;
}

/** A paragraph's status was set; routed by draft id, and under ALL for every instance's lock. */
export interface ParagraphsChangedPayload {
  draftId: string;
  paragraphId: string;
  /** As stored (never BRACKETED). */
  status: string;
}

/** What each topic carries. Every event is routed by an id (a target, a meeting, a group, a draft). */
export interface TopicPayloads {
  [Topic.CommentAdded]: CommentDoc;
  [Topic.CommentChanged]: CommentDoc;
  [Topic.AgendaChanged]: MeetingDoc;
  /** A meeting was created, changed or deleted (routed under ALL: calendars list them all). */
  [Topic.MeetingsChanged]: { meetingId: string; deleted: boolean };
  [Topic.DraftStatusChanged]: DraftDoc;
  [Topic.DraftUpdate]: DraftUpdatePayload;
  [Topic.DraftChanged]: { draftId: string };
  [Topic.ParagraphsChanged]: ParagraphsChangedPayload;
  [Topic.Presence]: PresencePayload;
  [Topic.SessionRevoked]: { sessionId: string };
  /** A reading of the draft started, moved, recorded an outcome or ended (routed by draft). */
  [Topic.ReadingChanged]: { draftId: string; readingId: string };
  /** A notice to one person (routed by their user id). */
  [Topic.NotificationAdded]: NotificationDoc;
  /** A person marked notifications read; how many are left unread (routed by their user id). */
  [Topic.NotificationsRead]: { unread: number };
  // Membership (issue 12, item 4).
  /**
   * A person's memberships as they now are (ids in hex, to cross Redis), routed by their user id
   * (their open sockets apply it) and under ALL (every instance's session cache forgets them).
   */
  [Topic.MembershipChanged]: MembershipPayload;
  /** Who sits in a working group changed (routed under ALL and by the group's id). */
  [Topic.WorkingGroupChanged]: { workingGroupId: string };
  /** A consultation was opened or closed, or a guest commented in it (routed by its id). */
  [Topic.ConsultationChanged]: { consultationId: string };
  /** A person's account was created (invited), changed or given a new link (routed under ALL). */
  [Topic.AccountChanged]: { userId: string };
}

/** What a person's open sessions hold of their memberships, after a change. */
export interface MembershipPayload {
  userId: string;
  roles: string[];
  workingGroupIds: string[];
}

/** Routing id of events every subscriber of a topic wants. */
export const ALL = 'all';
