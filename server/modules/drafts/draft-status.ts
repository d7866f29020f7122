import { registerEnumType } from 'type-graphql';

export enum DraftStatus {
  DRAFTING = 'DRAFTING',
  IN_REVIEW = 'IN_REVIEW',
  AGREED = 'AGREED',
  ADOPTED = 'ADOPTED',
}
registerEnumType(DraftStatus, {
  name: 'DraftStatus',
  valuesConfig: {
    DRAFTING: { description: 'The working group is writing it' },
    IN_REVIEW: { description: 'Circulated to the Committee for comments' },
    AGREED: { description: 'Agreed by the working group' },
    ADOPTED: { description: 'Adopted by the Committee' },
  },
});
