import type { Types } from 'mongoose';
import type { AuthUser } from './auth-user';
import { Role } from './role';

/**
 * A guest (a Member State invited to an open consultation) sees only their own account for now:
 * every policy and every read of the Committee's business refuses them, whatever other role
 * they might also hold.
 */
export const isGuest = (user: AuthUser): boolean => user.roles.includes(Role.MEMBER_STATE);

/** Every role-based rule goes through here, so a guest (`isGuest`) holds none of them. */
export const hasRole = (user: AuthUser, ...roles: Role[]): boolean =>
  !isGuest(user) && roles.some((r) => user.roles.includes(r));

/** The Chair and the Secretariat run the Committee's business. */
export const isOfficer = (user: AuthUser): boolean => hasRole(user, Role.CHAIR, Role.SECRETARIAT);

export const isMemberOf = (user: AuthUser, workingGroupId: Types.ObjectId): boolean =>
  user.workingGroupIds.some((id) => id.equals(workingGroupId));

export const coordinates = (user: AuthUser, workingGroupId: Types.ObjectId): boolean =>
  hasRole(user, Role.COORDINATOR) && isMemberOf(user, workingGroupId);

/** Anyone with a role beyond observer may write somewhere; a guest nowhere. */
export const writes = (user: AuthUser): boolean =>
  !isGuest(user) && user.roles.some((r) => r !== Role.OBSERVER);

/** What a guest is told when they ask for anything beyond their own account. */
export const GUEST_REFUSED =
  'Your account opens your own account page only, for now: an open consultation will let you in.';
