import type { ClassType } from 'type-graphql';
import { AuthResolver } from './auth.resolver';

export const resolvers: readonly ClassType[] = [AuthResolver];
