import type { ClassType } from 'type-graphql';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { DraftResolver, DraftStatusChangeResolver } from './draft.resolver';
import { Draft } from './draft.type';

export const resolvers: readonly ClassType[] = [
  DraftResolver,
  DraftStatusChangeResolver,
  localizedTextResolver(Draft, 'title'),
];
