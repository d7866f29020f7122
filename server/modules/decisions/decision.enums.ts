import { registerEnumType } from 'type-graphql';
import { DecisionKind } from './decision-kind';

registerEnumType(DecisionKind, {
  name: 'DecisionKind',
  valuesConfig: {
    PROPOSAL_ACCEPTED: { description: "A delegation's proposal became text" },
    PROPOSAL_REJECTED: { description: "A delegation's proposal was taken out" },
    PARAGRAPH_STATUS: {
      description: "A paragraph's status was set (agreed, ad ref., parked, open)",
    },
    READING_STARTED: { description: 'A first or second reading began' },
    READING_OUTCOME: { description: "A paragraph's outcome in a reading" },
    READING_ENDED: { description: 'A reading ended' },
    BRACKET_LIFTED: { description: 'Brackets were lifted: the words stay' },
    ALTERNATIVE_CHOSEN: { description: 'One of the bracketed alternatives was chosen' },
    SILENCE_STARTED: {
      description: 'The text was circulated under the silence procedure (detail: the deadline)',
    },
    SILENCE_BROKEN: {
      description: 'A delegation broke silence (detail: its name; text: its statement)',
    },
    SILENCE_ADOPTED: {
      description: 'Adopted under the silence procedure on its deadline (detail: the deadline)',
    },
    SILENCE_WITHDRAWN: { description: 'The Chair withdrew the text from the silence procedure' },
  },
});

export { DecisionKind };
