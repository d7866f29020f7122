import type { ClassType } from 'type-graphql';
import { DraftRevisionResolver, DraftRevisionsResolver } from './revision.resolver';

export const resolvers: readonly ClassType[] = [DraftRevisionResolver, DraftRevisionsResolver];
