import { Types } from 'mongoose';
import { personWith, ROLES } from '../../../test/helpers/policy-table';
import { Role } from '../users/role';
import { consultationAbilities, consultationPolicy } from './consultation.policy';

/*
 * The Secretariat opens and closes consultations; a Member State's guest (with a delegation)
 * comments while one is open and reads the open ones and those they took part in; everyone else
 * reads them all and comments on the draft instead.
 */
const TABLE: Record<Role, { open: boolean; comment: boolean; readClosed: boolean }> = {
  [Role.CHAIR]: { open: false, comment: false, readClosed: true },
  [Role.SECRETARIAT]: { open: true, comment: false, readClosed: true },
  [Role.COORDINATOR]: { open: false, comment: false, readClosed: true },
  [Role.DELEGATE]: { open: false, comment: false, readClosed: true },
  [Role.EXPERT]: { open: false, comment: false, readClosed: true },
  [Role.OBSERVER]: { open: false, comment: false, readClosed: true },
  [Role.MEMBER_STATE]: { open: false, comment: true, readClosed: false },
};

const withDelegation = (role: Role) => ({
  ...personWith(role),
  delegationId: new Types.ObjectId(),
});

describe('consultation policy', () => {
  it.each(ROLES)('%s', (role) => {
    const u = withDelegation(role);
    expect({
      open: consultationPolicy.open(u),
      comment: consultationPolicy.comment(u, { open: true }),
      readClosed: consultationPolicy.read(u, { open: false }, false),
    }).toEqual(TABLE[role]);
    // Every reader reads an open one; nobody comments on or closes a closed one.
    expect(consultationPolicy.read(u, { open: true }, false)).toBe(true);
    expect(consultationAbilities(u, { open: false })).toEqual({ comment: false, close: false });
    expect(consultationAbilities(u, { open: true }).close).toBe(TABLE[role].open);
  });

  it('a guest reads a closed consultation they took part in; without a delegation they do not comment', () => {
    const guest = withDelegation(Role.MEMBER_STATE);
    expect(consultationPolicy.read(guest, { open: false }, true)).toBe(true);
    const unsigned = { ...personWith(Role.MEMBER_STATE), delegationId: null };
    expect(consultationPolicy.comment(unsigned, { open: true })).toBe(false);
  });

  it('a guest who also holds another role is still a guest', () => {
    const both = {
      ...withDelegation(Role.MEMBER_STATE),
      roles: [Role.MEMBER_STATE, Role.SECRETARIAT],
    };
    expect(consultationPolicy.open(both)).toBe(false);
  });

  it.each(ROLES)(
    '%s changes a comment in a consultation only if theirs, and only while open',
    (role) => {
      const u = withDelegation(role);
      const theirs = { authorId: u._id };
      const another = { authorId: new Types.ObjectId() };
      expect(consultationPolicy.changeComment(u, theirs, { open: true })).toBe(true);
      expect(consultationPolicy.changeComment(u, theirs, { open: false })).toBe(false);
      expect(consultationPolicy.changeComment(u, another, { open: true })).toBe(false);
    },
  );
});
