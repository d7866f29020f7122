import { Types } from 'mongoose';
import { personWith, ROLES } from '../../../test/helpers/policy-table';
import { DraftStatus } from '../drafts/draft-status';
import { Role } from '../users/role';
import { silenceAbilities, silencePolicy } from './silence.policy';

/*
 * The Chair and the Secretariat circulate a text under silence (never an adopted one, never twice
 * at once); a delegate breaks it in their delegation's name; the Chair alone withdraws it.
 * Observers, experts and coordinators (as such) do none of it.
 */
const TABLE: Record<Role, { start: boolean; break: boolean; withdraw: boolean }> = {
  [Role.CHAIR]: { start: true, break: false, withdraw: true },
  [Role.SECRETARIAT]: { start: true, break: false, withdraw: false },
  [Role.COORDINATOR]: { start: false, break: false, withdraw: false },
  [Role.DELEGATE]: { start: false, break: true, withdraw: false },
  [Role.EXPERT]: { start: false, break: false, withdraw: false },
  [Role.OBSERVER]: { start: false, break: false, withdraw: false },
  [Role.MEMBER_STATE]: { start: false, break: false, withdraw: false },
};

const withDelegation = (role: Role) => ({
  ...personWith(role),
  delegationId: new Types.ObjectId(),
});
const open = { status: DraftStatus.AGREED, silenceProcedureId: null };
const under = { status: DraftStatus.AGREED, silenceProcedureId: new Types.ObjectId() };

describe('silence policy', () => {
  it.each(ROLES)('%s', (role) => {
    const u = withDelegation(role);
    expect({
      start: silencePolicy.start(u, open),
      break: silencePolicy.break(u, under),
      withdraw: silencePolicy.withdraw(u, under),
    }).toEqual(TABLE[role]);
    // Nothing is broken or withdrawn when no silence is under way; nothing started twice.
    expect(silenceAbilities(u, open)).toMatchObject({
      breakSilence: false,
      withdrawSilence: false,
    });
    expect(silenceAbilities(u, under).startSilence).toBe(false);
  });

  it('refuses a delegate without a delegation, an adopted draft, and nobody signed in', () => {
    expect(silencePolicy.break(personWith(Role.DELEGATE), under)).toBe(false);
    expect(silencePolicy.start(personWith(Role.CHAIR), { status: DraftStatus.ADOPTED })).toBe(
      false,
    );
    expect(silenceAbilities(null, under)).toEqual({
      startSilence: false,
      breakSilence: false,
      withdrawSilence: false,
    });
  });
});
