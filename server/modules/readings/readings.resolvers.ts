import type { ClassType } from 'type-graphql';
import {
  DraftReadingsResolver,
  ReadingOutcomeRecordResolver,
  ReadingResolver,
} from './reading.resolver';

export const resolvers: readonly ClassType[] = [
  ReadingResolver,
  ReadingOutcomeRecordResolver,
  DraftReadingsResolver,
];
