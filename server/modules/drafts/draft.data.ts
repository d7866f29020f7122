/** What a new draft needs, whoever asks for it (the GraphQL input is one such shape). */
export interface NewDraft {
  titleEn: string;
  titleFr: string;
  deadline?: Date | null;
  /** The document symbol; null or empty clears it. */
  symbol?: string | null;
}

/** What may change on a draft; what is left out stays as it is. */
export interface DraftChanges {
  titleEn?: string;
  titleFr?: string;
  deadline?: Date | null;
  /** The document symbol; null or empty clears it. */
  symbol?: string | null;
}
