import type { ClassType } from 'type-graphql';
import { CommentResolver } from './comment.resolver';

export const resolvers: readonly ClassType[] = [CommentResolver];
