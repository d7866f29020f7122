import type { ClassType } from 'type-graphql';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { MandateTask } from '../shared/mandate-task.type';
import { WorkingGroupResolver } from './working-group.resolver';
import { WorkingGroup } from './working-group.type';

export const resolvers: readonly ClassType[] = [
  WorkingGroupResolver,
  localizedTextResolver(WorkingGroup, 'title'),
  // Mandate tasks are the working groups' (the Committee's own tasks reuse the type).
  localizedTextResolver(MandateTask, 'text', { description: 'A summary of the task' }),
];
