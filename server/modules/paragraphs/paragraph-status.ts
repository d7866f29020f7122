/** Where a paragraph stands in the negotiation. */
export enum ParagraphStatus {
  OPEN = 'OPEN',
  /** Set (a reading's outcome), or derived: an OPEN paragraph that holds bracketed text. */
  BRACKETED = 'BRACKETED',
  /** Agreed here, pending confirmation from capitals by a date. */
  AGREED_AD_REF = 'AGREED_AD_REF',
  AGREED = 'AGREED',
  PARKED = 'PARKED',
}

/** The statuses a person sets (all of them: BRACKETED also follows from the text by itself). */
export const SETTABLE_STATUSES: readonly ParagraphStatus[] = [
  ParagraphStatus.OPEN,
  ParagraphStatus.BRACKETED,
  ParagraphStatus.AGREED_AD_REF,
  ParagraphStatus.AGREED,
  ParagraphStatus.PARKED,
];

/** Statuses that lock a paragraph's text at the server. */
export const LOCKING_STATUSES: readonly ParagraphStatus[] = [
  ParagraphStatus.AGREED,
  ParagraphStatus.AGREED_AD_REF,
];

/** Capitals' time to confirm a paragraph agreed ad referendum, when no date is given. */
export const AD_REF_CONFIRM_DAYS = 14;

export const locks = (status: string): boolean =>
  LOCKING_STATUSES.includes(status as ParagraphStatus);
