import { registerEnumType } from 'type-graphql';

export enum MeetingKind {
  COMMITTEE = 'COMMITTEE',
  WORKING_GROUP = 'WORKING_GROUP',
  INFORMAL_EXPERTS = 'INFORMAL_EXPERTS',
  OPEN_CONSULTATION = 'OPEN_CONSULTATION',
  RETREAT = 'RETREAT',
  BRIEFING = 'BRIEFING',
  OUTREACH = 'OUTREACH',
}
registerEnumType(MeetingKind, { name: 'MeetingKind' });
