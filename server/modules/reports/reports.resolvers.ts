import type { ClassType } from 'type-graphql';
import {
  DraftReportFieldResolver,
  DraftReportResolver,
  ReportSectionResolver,
} from './report.resolver';

export const resolvers: readonly ClassType[] = [
  DraftReportResolver,
  ReportSectionResolver,
  DraftReportFieldResolver,
];
