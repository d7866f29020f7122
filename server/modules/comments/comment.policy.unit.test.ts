import { Types } from 'mongoose';
import {
  expectedFor,
  type GroupSide,
  groupOf,
  parseTable,
  personWith,
  ROLES,
  SIDES,
} from '../../../test/helpers/policy-table';
import { type CommentPlace, commentAbilities, commentPolicy } from './comment.policy';

/*
 * From the README: delegates, coordinators, experts and officers comment on agenda items
 * (observers read); on a draft, its group's members comment, experts too (draft.policy); comments
 * are edited by their author and deleted by their author or the Secretariat. Resolving: the
 * author, the Chair and the Secretariat, and on a draft whoever manages it (its coordinator).
 * Columns: on an agenda item (`agenda…`) or on a draft of the own or other group (`draft…`), of a
 * comment by someone else; the author's own rights follow below the table.
 */
const TABLE = parseTable(`
  role         group  addAgenda addDraft edit delete resolveAgenda resolveDraft
  CHAIR        own    yes       yes      -    -      yes           yes
  CHAIR        other  yes       yes      -    -      yes           yes
  SECRETARIAT  own    yes       yes      -    yes    yes           yes
  SECRETARIAT  other  yes       yes      -    yes    yes           yes
  COORDINATOR  own    yes       yes      -    -      -             yes
  COORDINATOR  other  yes       -        -    -      -             -
  DELEGATE     own    yes       yes      -    -      -             -
  DELEGATE     other  yes       -        -    -      -             -
  EXPERT       own    yes       yes      -    -      -             -
  EXPERT       other  yes       yes      -    -      -             -
  OBSERVER     own    -         -        -    -      -             -
  OBSERVER     other  -         -        -    -      -             -
  MEMBER_STATE own    -         -        -    -      -             -
  MEMBER_STATE other  -         -        -    -      -             -
`);

const onAgenda: CommentPlace = { kind: 'agendaItem' };
const onDraftOf = (side: GroupSide): CommentPlace => ({
  kind: 'draft',
  draft: { workingGroupId: groupOf(side) },
});
const commentBy = (authorId: Types.ObjectId, deleted = false) => ({
  authorId,
  deletedAt: deleted ? new Date() : null,
});

const cases = ROLES.flatMap((role) => SIDES.map((side) => ({ role, side })));

describe('comment policy, every role × own or other group', () => {
  it.each(cases)(
    '$role, on the $side group’s draft or an agenda item, someone else’s comment',
    ({ role, side }) => {
      const u = personWith(role);
      const want = expectedFor(TABLE, role, side);
      const theirs = commentBy(new Types.ObjectId());
      expect({
        addAgenda: commentPolicy.add(u, onAgenda),
        addDraft: commentPolicy.add(u, onDraftOf(side)),
        edit: commentPolicy.edit(u, theirs),
        delete: commentPolicy.delete(u, theirs),
        resolveAgenda: commentPolicy.resolve(u, theirs, onAgenda),
        resolveDraft: commentPolicy.resolve(u, theirs, onDraftOf(side)),
      }).toEqual(want);
      expect(commentAbilities(u, theirs, onDraftOf(side))).toEqual({
        edit: want.edit,
        delete: want.delete,
        resolve: want.resolveDraft,
      });
      expect(commentAbilities(u, theirs, onAgenda)).toEqual({
        edit: want.edit,
        delete: want.delete,
        resolve: want.resolveAgenda,
      });
    },
  );

  it.each(cases)(
    '$role, author of a comment on the $side group’s draft or an agenda item',
    ({ role, side }) => {
      const u = personWith(role);
      const mine = commentBy(u._id);
      for (const place of [onAgenda, onDraftOf(side)]) {
        expect(commentAbilities(u, mine, place)).toEqual({
          edit: true,
          delete: true,
          resolve: true,
        });
      }
    },
  );

  it.each(ROLES)(
    'nobody edits or deletes a deleted comment, not even its author or the Secretariat (%s)',
    (role) => {
      const u = personWith(role);
      for (const gone of [commentBy(u._id, true), commentBy(new Types.ObjectId(), true)]) {
        expect(commentPolicy.edit(u, gone)).toBe(false);
        expect(commentPolicy.delete(u, gone)).toBe(false);
      }
    },
  );

  it('gives no ability to someone not signed in', () => {
    expect(commentAbilities(null, commentBy(new Types.ObjectId()), onAgenda)).toEqual({
      edit: false,
      delete: false,
      resolve: false,
    });
  });
});
