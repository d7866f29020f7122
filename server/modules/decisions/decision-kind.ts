/** What a negotiation step decided, as the draft's history lists it. */
export enum DecisionKind {
  PROPOSAL_ACCEPTED = 'PROPOSAL_ACCEPTED',
  PROPOSAL_REJECTED = 'PROPOSAL_REJECTED',
  PARAGRAPH_STATUS = 'PARAGRAPH_STATUS',
  READING_STARTED = 'READING_STARTED',
  READING_OUTCOME = 'READING_OUTCOME',
  READING_ENDED = 'READING_ENDED',
  BRACKET_LIFTED = 'BRACKET_LIFTED',
  ALTERNATIVE_CHOSEN = 'ALTERNATIVE_CHOSEN',
  /** The text was circulated under the silence procedure (detail: the deadline, ISO). */
  SILENCE_STARTED = 'SILENCE_STARTED',
  /** A delegation broke silence (detail: the delegation's name; text: its statement). */
  SILENCE_BROKEN = 'SILENCE_BROKEN',
  /** Adopted under the silence procedure at its deadline (detail: the deadline, ISO). */
  SILENCE_ADOPTED = 'SILENCE_ADOPTED',
  /** The Chair withdrew the text from the silence procedure. */
  SILENCE_WITHDRAWN = 'SILENCE_WITHDRAWN',
  /**
   * A compiled report's section was given a newer version of its source draft (detail: that
   * version's number; text: the section's heading).
   */
  REPORT_SECTION_TAKEN_IN = 'REPORT_SECTION_TAKEN_IN',
}
