import type { ClassType } from 'type-graphql';
import { DraftDecisionResolver, DraftDecisionsResolver } from './decision.resolver';

export const resolvers: readonly ClassType[] = [DraftDecisionResolver, DraftDecisionsResolver];
