import { registerEnumType } from 'type-graphql';
import { ParagraphStatus } from './paragraph-status';

// Registered in the GraphQL layer so that paragraph-status.ts (used by the model, services and
// the collaboration layer's lock) stays free of type-graphql.
registerEnumType(ParagraphStatus, {
  name: 'ParagraphStatus',
  valuesConfig: {
    OPEN: { description: 'Under negotiation' },
    BRACKETED: {
      description:
        "Holding language not yet accepted: set (as a reading's outcome), or shown by itself while an open paragraph holds brackets",
    },
    AGREED_AD_REF: {
      description:
        'Agreed ad referendum: pending confirmation from capitals by `confirmBy`; locked',
    },
    AGREED: { description: 'Agreed; locked' },
    PARKED: { description: 'Set aside for later' },
  },
});

export { ParagraphStatus };
