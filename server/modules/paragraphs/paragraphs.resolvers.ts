import type { ClassType } from 'type-graphql';
import { DraftParagraphsResolver, ParagraphResolver } from './paragraph.resolver';

export const resolvers: readonly ClassType[] = [ParagraphResolver, DraftParagraphsResolver];
