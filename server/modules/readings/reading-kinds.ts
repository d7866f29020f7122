/** First or second reading: the Chair reads the text through once, then again once it has moved. */
export enum ReadingRound {
  FIRST = 'FIRST',
  SECOND = 'SECOND',
}

export enum ReadingState {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

/** What the room decided on a paragraph when the Chair read it. */
export enum ReadingOutcome {
  AGREED = 'AGREED',
  AGREED_AD_REF = 'AGREED_AD_REF',
  BRACKETED = 'BRACKETED',
  PARKED = 'PARKED',
}
