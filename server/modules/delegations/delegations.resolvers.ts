import type { ClassType } from 'type-graphql';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { DelegationResolver } from './delegation.resolver';
import { Delegation } from './delegation.type';

export const resolvers: readonly ClassType[] = [
  DelegationResolver,
  localizedTextResolver(Delegation, 'name'),
];
