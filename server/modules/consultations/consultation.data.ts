import type { Types } from 'mongoose';

/** The longest comment in a consultation, in characters (as on drafts). */
export { MAX_COMMENT_LENGTH } from '../comments/comment.data';

/** The farthest closing date accepted. */
export const MAX_CONSULTATION_MS = 366 * 24 * 3_600_000;

export interface OpenConsultationData {
  draftId: Types.ObjectId;
  /** The number of the frozen version consulted on. */
  version: number;
  /** When it closes by itself; null: when the Secretariat closes it. */
  closesAt: Date | null;
}

export interface ConsultationCommentData {
  consultationId: Types.ObjectId;
  body: string;
  /** The numbered paragraph of the version it is about; null: the whole text. */
  paragraph: number | null;
}

/** What the consultation page shows of a top-level block of the consulted version. */
export interface ConsultationBlockData {
  kind: 'HEADING' | 'PARAGRAPH' | 'LIST';
  /** A heading's level (1 for the highest); 0 otherwise. */
  level: number;
  /** A numbered paragraph's number, as the Committee's documents number them. */
  number: number | null;
  /** Its content as inline HTML (a list's as a whole list), escaped by the writer. */
  html: string;
  /** Its plain text. */
  text: string;
}
