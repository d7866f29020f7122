/** Where a silence procedure stands (the GraphQL enum is registered in silence.enums.ts). */
export enum SilenceState {
  /** Circulated: the text is locked, and adopted at the deadline unless someone breaks silence. */
  UNDER_SILENCE = 'UNDER_SILENCE',
  /** A delegation broke silence in writing before the deadline: the draft is negotiated again. */
  BROKEN = 'BROKEN',
  /** Nobody broke silence before the deadline: the draft was adopted. */
  ADOPTED = 'ADOPTED',
  /** The Chair withdrew the text from the procedure before the deadline. */
  WITHDRAWN = 'WITHDRAWN',
}

/** How a procedure ended: every state but the one under way. */
export type SilenceEnd = Exclude<SilenceState, SilenceState.UNDER_SILENCE>;
