export interface TitleBounds {
  min: number;
  max: number;
}

/** Titles of drafts and meetings. */
export const TITLE_BOUNDS: TitleBounds = { min: 3, max: 300 };
