import { registerEnumType } from 'type-graphql';
import { DraftStatus } from './draft-status';

// Registered in the GraphQL layer so that draft-status.ts (used by the model, services, policies
// and the edit gate) stays free of type-graphql. GraphQL types and resolvers import the enum from
// here, so the registration runs before the schema is built.
registerEnumType(DraftStatus, {
  name: 'DraftStatus',
  valuesConfig: {
    DRAFTING: { description: 'The working group is writing it' },
    IN_REVIEW: { description: 'Circulated to the Committee for comments' },
    AGREED: { description: 'Agreed by the working group' },
    ADOPTED: { description: 'Adopted by the Committee' },
  },
});

export { DraftStatus };
