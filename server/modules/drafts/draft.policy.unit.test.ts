import {
  expectedFor,
  groupOf,
  parseTable,
  personWith,
  ROLES,
  SIDES,
} from '../../../test/helpers/policy-table';
import { Role } from '../users/role';
import { draftAbilities, draftPolicy } from './draft.policy';
import { DraftStatus } from './draft-status';

/*
 * From the README: members of a working group edit and comment on its drafts (experts comment
 * too); the group's coordinator manages its drafts (title, deadline, status up to agreed); the
 * Chair and the Secretariat manage everything, and alone mark a draft adopted (and reopen it).
 * `edit` is the right to write the text; an adopted text is locked for everyone (below).
 * `move` is a status change among drafting, in review and agreed. `version` is freezing a numbered
 * version and restoring one; restoring changes the text, so an adopted draft refuses it. `read`
 * is leading a reading of the text (the Chair, or the group's coordinator; never while adopted).
 * `paragraph` is setting a paragraph's status (agreeing it), and editing an agreed paragraph.
 */
const TABLE = parseTable(`
  role         group  edit  comment  manage  create  move  adopt  reopen  version  read  paragraph
  CHAIR        own    yes   yes      yes     yes     yes   yes    yes     yes      yes   yes
  CHAIR        other  yes   yes      yes     yes     yes   yes    yes     yes      yes   yes
  SECRETARIAT  own    yes   yes      yes     yes     yes   yes    yes     yes      -     yes
  SECRETARIAT  other  yes   yes      yes     yes     yes   yes    yes     yes      -     yes
  COORDINATOR  own    yes   yes      yes     yes     yes   -      -       yes      yes   yes
  COORDINATOR  other  -     -        -       -       -     -      -       -        -     -
  DELEGATE     own    yes   yes      -       -       -     -      -       -        -     -
  DELEGATE     other  -     -        -       -       -     -      -       -        -     -
  EXPERT       own    yes   yes      -       -       -     -      -       -        -     -
  EXPERT       other  -     yes      -       -       -     -      -       -        -     -
  OBSERVER     own    -     -        -       -       -     -      -       -        -     -
  OBSERVER     other  -     -        -       -       -     -      -       -        -     -
  MEMBER_STATE own    -     -        -       -       -     -      -       -        -     -
  MEMBER_STATE other  -     -        -       -       -     -      -       -        -     -
`);

const STATUSES = Object.values(DraftStatus);
const { ADOPTED } = DraftStatus;

const cases = ROLES.flatMap((role) =>
  SIDES.flatMap((side) => STATUSES.map((status) => ({ role, side, status }))),
);

describe('draft policy, every role × own or other group × status', () => {
  it.each(cases)('$role in the $side group, draft $status', ({ role, side, status }) => {
    const u = personWith(role);
    const draft = { workingGroupId: groupOf(side), status };
    const want = expectedFor(TABLE, role, side);
    const locked = status === ADOPTED;

    expect({
      edit: draftPolicy.edit(u, draft),
      comment: draftPolicy.comment(u, draft),
      manage: draftPolicy.manage(u, draft),
      create: draftPolicy.create(u, draft.workingGroupId),
      createVersion: draftPolicy.createVersion(u, draft),
      restoreVersion: draftPolicy.restoreVersion(u, draft),
      decideBrackets: draftPolicy.decideBrackets(u, draft),
      leadReading: draftPolicy.leadReading(u, draft),
      conductReading: draftPolicy.conductReading(u, draft),
      setParagraphStatus: draftPolicy.setParagraphStatus(u, draft),
      editAgreedParagraph: draftPolicy.editAgreedParagraph(u, draft),
    }).toEqual({
      edit: want.edit && !locked,
      comment: want.comment,
      manage: want.manage,
      create: want.create,
      createVersion: want.version,
      restoreVersion: want.version && !locked,
      // Settling bracketed language is managing the draft's text.
      decideBrackets: want.manage && !locked,
      leadReading: want.read,
      conductReading: want.read && !locked,
      setParagraphStatus: want.paragraph && !locked,
      editAgreedParagraph: want.paragraph,
    });

    for (const to of STATUSES) {
      const expected = status === ADOPTED ? want.reopen : to === ADOPTED ? want.adopt : want.move;
      expect({ to, allowed: draftPolicy.setStatus(u, draft, status, to) }).toEqual({
        to,
        allowed: expected,
      });
    }

    expect(draftAbilities(u, draft)).toEqual({
      edit: want.edit && !locked,
      comment: want.comment,
      manage: want.manage,
      changeStatus: locked ? want.reopen : want.move || want.adopt,
      adopt: !locked && want.adopt,
      createVersion: want.version,
      restoreVersion: want.version && !locked,
      decideBrackets: want.manage && !locked,
      conductReading: want.read && !locked,
      setParagraphStatus: want.paragraph && !locked,
    });
  });

  it('tells the writers of an adopted draft apart from the others: locked, not forbidden', () => {
    const member = personWith(Role.DELEGATE);
    const adopted = { workingGroupId: groupOf('own'), status: ADOPTED };
    expect(draftPolicy.write(member, adopted)).toBe(true);
    expect(draftPolicy.locked(adopted)).toBe(true);
    expect(draftPolicy.edit(member, adopted)).toBe(false);
  });

  it('gives no ability to someone not signed in', () => {
    for (const status of STATUSES) {
      expect(
        Object.values(draftAbilities(null, { workingGroupId: groupOf('own'), status })).some(
          Boolean,
        ),
      ).toBe(false);
    }
  });
});
