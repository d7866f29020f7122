import type { CommentDoc } from '../modules/comments/comment.model';
import type { DraftDoc } from '../modules/drafts/draft.model';
import type { MeetingDoc } from '../modules/meetings/meeting.model';

export enum Topic {
  CommentAdded = 'COMMENT_ADDED',
  CommentChanged = 'COMMENT_CHANGED',
  AgendaChanged = 'AGENDA_CHANGED',
  DraftStatusChanged = 'DRAFT_STATUS_CHANGED',
  DraftUpdate = 'DRAFT_UPDATE',
  DraftChanged = 'DRAFT_CHANGED',
  Presence = 'PRESENCE',
  SessionRevoked = 'SESSION_REVOKED',
}

/** A stored Yjs update of a draft, as every subscriber receives it. */
export interface DraftUpdatePayload {
  draftId: string;
  seq: number;
  /** base64 Yjs update */
  update: string;
  clientId: string | null;
  /** True when `update` is a snapshot standing in for every update up to seq (compacted history). */
  snapshot: boolean;
}

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

/** What each topic carries. Every event is routed by an id (a target, a meeting, a group, a draft). */
export interface TopicPayloads {
  [Topic.CommentAdded]: CommentDoc;
  [Topic.CommentChanged]: CommentDoc;
  [Topic.AgendaChanged]: MeetingDoc;
  [Topic.DraftStatusChanged]: DraftDoc;
  [Topic.DraftUpdate]: DraftUpdatePayload;
  [Topic.DraftChanged]: { draftId: string };
  [Topic.Presence]: PresencePayload;
  [Topic.SessionRevoked]: { sessionId: string };
}

/** Routing id of events every subscriber of a topic wants. */
export const ALL = 'all';
