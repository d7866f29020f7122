import type { ClassType } from 'type-graphql';
import { AccountResolver } from './account.resolver';

export const resolvers: readonly ClassType[] = [AccountResolver];
