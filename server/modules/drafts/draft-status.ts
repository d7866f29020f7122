export enum DraftStatus {
  DRAFTING = 'DRAFTING',
  IN_REVIEW = 'IN_REVIEW',
  AGREED = 'AGREED',
  ADOPTED = 'ADOPTED',
}
