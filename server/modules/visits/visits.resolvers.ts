import type { ClassType } from 'type-graphql';
import { DraftVisitFieldsResolver, DraftVisitResolver } from './visit.resolver';

export const resolvers: readonly ClassType[] = [DraftVisitResolver, DraftVisitFieldsResolver];
