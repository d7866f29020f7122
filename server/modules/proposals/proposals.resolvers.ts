import type { ClassType } from 'type-graphql';
import { DraftProposalsResolver, ProposalResolver } from './proposal.resolver';

export const resolvers: readonly ClassType[] = [ProposalResolver, DraftProposalsResolver];
