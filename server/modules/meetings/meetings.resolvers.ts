import type { ClassType } from 'type-graphql';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { AgendaItemResolver } from './agenda-item.resolver';
import { MeetingResolver } from './meeting.resolver';
import { AgendaItem, AgendaSubItem, Meeting } from './meeting.type';

export const resolvers: readonly ClassType[] = [
  MeetingResolver,
  AgendaItemResolver,
  localizedTextResolver(Meeting, 'title'),
  localizedTextResolver(AgendaItem, 'title'),
  localizedTextResolver(AgendaSubItem, 'title'),
];
