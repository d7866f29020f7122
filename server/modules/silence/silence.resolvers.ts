import type { ClassType } from 'type-graphql';
import { DraftSilenceResolver, SilenceBreakResolver, SilenceResolver } from './silence.resolver';

export const resolvers: readonly ClassType[] = [
  SilenceResolver,
  SilenceBreakResolver,
  DraftSilenceResolver,
];
