import type { ClassType } from 'type-graphql';
import { NotificationResolver, NotificationTextResolver } from './notification.resolver';

export const resolvers: readonly ClassType[] = [NotificationResolver, NotificationTextResolver];
