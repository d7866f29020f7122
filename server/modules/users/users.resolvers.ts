import type { ClassType } from 'type-graphql';
import { UserResolver } from './user.resolver';

export const resolvers: readonly ClassType[] = [UserResolver];
