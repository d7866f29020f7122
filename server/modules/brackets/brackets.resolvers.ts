import type { ClassType } from 'type-graphql';
import { BracketResolver, DraftBracketsResolver } from './bracket.resolver';

export const resolvers: readonly ClassType[] = [BracketResolver, DraftBracketsResolver];
