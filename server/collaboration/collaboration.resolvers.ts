import type { ClassType } from 'type-graphql';
import { DraftActivityResolver } from './activity.resolver';
import { CollaborationResolver, DraftContentResolver } from './collaboration.resolver';

export const resolvers: readonly ClassType[] = [
  CollaborationResolver,
  DraftContentResolver,
  DraftActivityResolver,
];
