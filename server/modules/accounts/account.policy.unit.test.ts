import { personWith, ROLES } from '../../../test/helpers/policy-table';
import { auditPolicy } from '../audit/audit.policy';
import { Role } from '../users/role';
import { accountAbilities, accountPolicy } from './account.policy';

/*
 * Accounts are the Secretariat's to manage; the audit trail is read by the Chair and the
 * Secretariat; a Member State guest does neither. Nobody deactivates themselves.
 */
const MANAGES: Role[] = [Role.SECRETARIAT];
const READS_AUDIT: Role[] = [Role.CHAIR, Role.SECRETARIAT];

describe('account and audit policies, every role', () => {
  it.each(ROLES)('%s', (role) => {
    const u = personWith(role);
    const other = { ...personWith(Role.DELEGATE), deactivatedAt: null };
    const gone = { ...other, deactivatedAt: new Date() };
    const manages = MANAGES.includes(role);
    expect(accountPolicy.manage(u)).toBe(manages);
    expect(accountAbilities(u, other)).toEqual({
      deactivate: manages,
      reactivate: false,
      resetPassword: manages,
      changeAccess: manages,
    });
    expect(accountAbilities(u, gone)).toEqual({
      deactivate: false,
      reactivate: manages,
      resetPassword: false,
      changeAccess: manages,
    });
    expect(accountPolicy.deactivate(u, { ...u, deactivatedAt: null })).toBe(false);
    expect(auditPolicy.read(u)).toBe(READS_AUDIT.includes(role));
  });

  it('refuses a guest who also holds another role', () => {
    const u = { ...personWith(Role.SECRETARIAT), roles: [Role.SECRETARIAT, Role.MEMBER_STATE] };
    expect(accountPolicy.manage(u)).toBe(false);
    expect(auditPolicy.read(u)).toBe(false);
  });

  it('nobody at all may act without a session', () => {
    const other = { ...personWith(Role.DELEGATE), deactivatedAt: null };
    expect(Object.values(accountAbilities(null, other)).some(Boolean)).toBe(false);
  });
});
