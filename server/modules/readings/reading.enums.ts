import { registerEnumType } from 'type-graphql';
import { ReadingOutcome, ReadingRound, ReadingState } from './reading-kinds';

// Registered in the GraphQL layer so that reading-kinds.ts (model, service, policy) stays free of
// type-graphql; types and resolvers import the enums from here.
registerEnumType(ReadingRound, {
  name: 'ReadingRound',
  valuesConfig: {
    FIRST: { description: 'The first reading of the text' },
    SECOND: { description: 'A second reading, once the text has moved' },
  },
});
registerEnumType(ReadingState, {
  name: 'ReadingState',
  valuesConfig: {
    ACTIVE: { description: 'Under way: everyone may follow it' },
    ENDED: { description: 'Ended by the Chair or the coordinator' },
  },
});
registerEnumType(ReadingOutcome, {
  name: 'ReadingOutcome',
  valuesConfig: {
    AGREED: { description: 'Agreed' },
    AGREED_AD_REF: { description: 'Agreed ad referendum: pending confirmation from capitals' },
    BRACKETED: { description: 'Not agreed yet: it keeps (or gets) brackets' },
    PARKED: { description: 'Set aside, to come back to later' },
  },
});

export { ReadingOutcome, ReadingRound, ReadingState };
