import type { Types } from 'mongoose';
import type { ParagraphStatus } from './paragraph-status';

/** A paragraph as the API shows it: the block in the text and its status in the negotiation. */
export interface ParagraphData {
  draftId: Types.ObjectId;
  id: string;
  number: number | null;
  kind: string;
  text: string;
  /** As shown: BRACKETED when stored OPEN and holding brackets. */
  status: ParagraphStatus;
  confirmBy: Date | null;
  overdue: boolean;
  openBrackets: number;
  setById: Types.ObjectId | null;
  setAt: Date | null;
}

export interface SetParagraphStatusData {
  draftId: Types.ObjectId;
  paragraphId: string;
  status: ParagraphStatus;
  confirmBy: Date | null;
}

/** What a dashboard card shows of a draft's paragraphs. */
export interface ParagraphSummary {
  total: number;
  agreed: number;
  adRefPending: number;
}
