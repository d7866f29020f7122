import type { ClassType } from 'type-graphql';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { CommitteeResolver } from './committee.resolver';
import { Committee } from './committee.type';

export const resolvers: readonly ClassType[] = [
  CommitteeResolver,
  localizedTextResolver(Committee, 'name'),
];
