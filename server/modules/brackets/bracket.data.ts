/** A bracketed passage of a draft, as read from its document (see core/document-brackets.ts). */
export interface BracketData {
  id: string;
  draftId: string;
  text: string;
  alternatives: string[];
  paragraphId: string | null;
  paragraphNumber: number | null;
  /** Who bracketed it, from the mark's id; null when that id is not `<userId>:<random>`. */
  byId: string | null;
}
