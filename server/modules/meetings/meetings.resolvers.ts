import type { ClassType } from 'type-graphql';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { AgendaItemResolver, AgendaSubItemResolver } from './agenda-item.resolver';
import { MeetingResolver } from './meeting.resolver';
import { AgendaItem, AgendaSubItem, Meeting } from './meeting.type';

export const resolvers: readonly ClassType[] = [
  MeetingResolver,
  AgendaItemResolver,
  AgendaSubItemResolver,
  localizedTextResolver(Meeting, 'title'),
  localizedTextResolver(AgendaItem, 'title'),
  localizedTextResolver(AgendaSubItem, 'title'),
];
