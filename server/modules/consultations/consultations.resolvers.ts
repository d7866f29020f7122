import type { ClassType } from 'type-graphql';
import {
  CommentConsultationResolver,
  ConsultationResolver,
  DraftConsultationsResolver,
} from './consultation.resolver';
import { ConsultationCommentResolver } from './consultation-comment.resolver';

export const resolvers: readonly ClassType[] = [
  ConsultationResolver,
  ConsultationCommentResolver,
  DraftConsultationsResolver,
  CommentConsultationResolver,
];
