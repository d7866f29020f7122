import type { ClassType } from 'type-graphql';
import {
  DraftVersionResolver,
  DraftVersionsResolver,
  TextChangeResolver,
} from './version.resolver';

export const resolvers: readonly ClassType[] = [
  DraftVersionResolver,
  DraftVersionsResolver,
  TextChangeResolver,
];
