import type { ClassType } from 'type-graphql';
import { AuditResolver } from './audit.resolver';

export const resolvers: readonly ClassType[] = [AuditResolver];
