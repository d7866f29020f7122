import {
  expectedFor,
  groupOf,
  parseTable,
  personWith,
  ROLES,
  SIDES,
} from '../../../test/helpers/policy-table';
import { workingGroupAbilities } from './working-group.policy';

/*
 * From the README: a group's coordinator, the Chair and the Secretariat start a new draft there;
 * the Secretariat alone assigns delegations and people to groups and names coordinators.
 */
const TABLE = parseTable(`
  role         group  createDraft  manageMembers
  CHAIR        own    yes          -
  CHAIR        other  yes          -
  SECRETARIAT  own    yes          yes
  SECRETARIAT  other  yes          yes
  COORDINATOR  own    yes          -
  COORDINATOR  other  -            -
  DELEGATE     own    -            -
  DELEGATE     other  -            -
  EXPERT       own    -            -
  EXPERT       other  -            -
  OBSERVER     own    -            -
  OBSERVER     other  -            -
  MEMBER_STATE own    -            -
  MEMBER_STATE other  -            -
`);

describe('working group abilities, every role × own or other group', () => {
  it.each(ROLES.flatMap((role) => SIDES.map((side) => ({ role, side }))))(
    '$role in the $side group',
    ({ role, side }) => {
      expect(workingGroupAbilities(personWith(role), groupOf(side))).toEqual(
        expectedFor(TABLE, role, side),
      );
    },
  );

  it('gives no ability to someone not signed in', () => {
    expect(workingGroupAbilities(null, groupOf('own'))).toEqual({
      createDraft: false,
      manageMembers: false,
    });
  });
});
