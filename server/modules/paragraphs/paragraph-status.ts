/** Where a paragraph stands in the negotiation. */
export enum ParagraphStatus {
  OPEN = 'OPEN',
  /** Derived, never stored: an OPEN paragraph that holds bracketed text. */
  BRACKETED = 'BRACKETED',
  /** Agreed here, pending confirmation from capitals by a date. */
  AGREED_AD_REF = 'AGREED_AD_REF',
  AGREED = 'AGREED',
  PARKED = 'PARKED',
}

/** The statuses a person sets (BRACKETED follows from the text). */
export const SETTABLE_STATUSES: readonly ParagraphStatus[] = [
  ParagraphStatus.OPEN,
  ParagraphStatus.AGREED_AD_REF,
  ParagraphStatus.AGREED,
  ParagraphStatus.PARKED,
];

/** Statuses that lock a paragraph's text at the server. */
export const LOCKING_STATUSES: readonly ParagraphStatus[] = [
  ParagraphStatus.AGREED,
  ParagraphStatus.AGREED_AD_REF,
];

export const locks = (status: string): boolean =>
  LOCKING_STATUSES.includes(status as ParagraphStatus);
