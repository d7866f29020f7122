import { expectedFor, parseTable, personWith, ROLES } from '../../../test/helpers/policy-table';
import { agendaItemAbilities, meetingAbilities, meetingPolicy } from './meeting.policy';

/* From the README: the Chair and the Secretariat manage meetings and agendas; meetings have no working group, so one side. */
const TABLE = parseTable(`
  role         group  manage comment
  CHAIR        any    yes    yes
  SECRETARIAT  any    yes    yes
  COORDINATOR  any    -      yes
  DELEGATE     any    -      yes
  EXPERT       any    -      yes
  OBSERVER     any    -      -
  MEMBER_STATE any    -      -
`);

describe('meeting policy, every role', () => {
  it.each(ROLES)('%s', (role) => {
    const u = personWith(role);
    const want = expectedFor(TABLE, role, 'any');
    expect(meetingPolicy.manage(u)).toBe(want.manage);
    expect(meetingAbilities(u)).toEqual({ manage: want.manage });
    expect(agendaItemAbilities(u)).toEqual({ comment: want.comment });
  });

  it('gives no ability to someone not signed in', () => {
    expect(meetingAbilities(null)).toEqual({ manage: false });
    expect(agendaItemAbilities(null)).toEqual({ comment: false });
  });
});
