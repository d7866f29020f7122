import type { ClassType } from 'type-graphql';
import {
  CommentConsultationResolver,
  ConsultationCommentResolver,
  ConsultationResolver,
  DraftConsultationsResolver,
} from './consultation.resolver';

export const resolvers: readonly ClassType[] = [
  ConsultationResolver,
  ConsultationCommentResolver,
  DraftConsultationsResolver,
  CommentConsultationResolver,
];
