/** What a notification is about; a person turns each kind on or off in their preferences. */
export enum NotificationKind {
  SILENCE_STARTED = 'SILENCE_STARTED',
  SILENCE_BROKEN = 'SILENCE_BROKEN',
  /** Adopted at its deadline, or withdrawn by the Chair. */
  SILENCE_ENDED = 'SILENCE_ENDED',
  PROPOSAL_DECIDED = 'PROPOSAL_DECIDED',
  COMMENT_REPLY = 'COMMENT_REPLY',
  MENTION = 'MENTION',
  DEADLINE_SOON = 'DEADLINE_SOON',
  DRAFT_STATUS = 'DRAFT_STATUS',
  /** A consultation of Member States opened or closed on a draft. */
  CONSULTATION = 'CONSULTATION',
}

export const NOTIFICATION_KINDS = Object.values(NotificationKind);
