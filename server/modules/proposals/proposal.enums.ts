import { registerEnumType } from 'type-graphql';
import { ProposalKind, ProposalStatus } from './proposal-status';

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  valuesConfig: {
    OPEN: { description: 'In the text, awaiting a decision' },
    ACCEPTED: { description: 'Accepted: it became text' },
    REJECTED: { description: 'Rejected: it was taken out' },
    WITHDRAWN: { description: 'Gone from the text without a decision' },
  },
});
registerEnumType(ProposalKind, { name: 'ProposalKind' });

export { ProposalKind, ProposalStatus };
