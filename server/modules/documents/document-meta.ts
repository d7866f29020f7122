/** What a document says about itself besides its text, in the language of the document. */
export interface DocumentMeta {
  lang: 'en' | 'fr';
  /** The Committee's name. */
  committee: string;
  title: string;
  /** The document symbol, when the draft has one. */
  symbol: string | null;
  /** The date the text is of (the version's, or today's for the current text), written out. */
  date: string;
  /** "English" / "Français": the language the document is in. */
  language: string;
  /** "Draft" until the text is adopted, null after. */
  draftMark: string | null;
  /** The version the text is ("Rev.2: label"), null for the current text. */
  version: string | null;
  /** Said of the marked view, null for the clean text. */
  viewNote: string | null;
}
