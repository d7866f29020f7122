import { registerEnumType } from 'type-graphql';
import { ParagraphStatus } from './paragraph-status';

// Registered in the GraphQL layer so that paragraph-status.ts (used by the model, services and
// the collaboration layer's lock) stays free of type-graphql.
registerEnumType(ParagraphStatus, {
  name: 'ParagraphStatus',
  valuesConfig: {
    OPEN: { description: 'Under negotiation' },
    BRACKETED: {
      description: 'Open and holding bracketed text (derived from the text; cannot be set)',
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
