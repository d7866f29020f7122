/** Where a proposal stands. Plain enums: models, services and policies never load type-graphql. */
export enum ProposalStatus {
  /** In the text, awaiting a decision. */
  OPEN = 'OPEN',
  /** Made text by the coordinator, the Chair or the Secretariat. */
  ACCEPTED = 'ACCEPTED',
  /** Taken out of the text by them. */
  REJECTED = 'REJECTED',
  /** Gone from the text without a decision (its author took it back, or it was edited away). */
  WITHDRAWN = 'WITHDRAWN',
}

export enum ProposalKind {
  INSERTION = 'INSERTION',
  DELETION = 'DELETION',
  /** Words struck and others proposed in their place, by one edit. */
  REPLACEMENT = 'REPLACEMENT',
  /** Formatting changed (bold, a heading), the words unchanged. */
  MODIFICATION = 'MODIFICATION',
}
