import type { Types } from 'mongoose';
import type { AuthUser } from './auth-user';
import { Role } from './role';

export const hasRole = (user: AuthUser, ...roles: Role[]): boolean =>
  roles.some((r) => user.roles.includes(r));

/** The Chair and the Secretariat run the Committee's business. */
export const isOfficer = (user: AuthUser): boolean => hasRole(user, Role.CHAIR, Role.SECRETARIAT);

export const isMemberOf = (user: AuthUser, workingGroupId: Types.ObjectId): boolean =>
  user.workingGroupIds.some((id) => id.equals(workingGroupId));

export const coordinates = (user: AuthUser, workingGroupId: Types.ObjectId): boolean =>
  hasRole(user, Role.COORDINATOR) && isMemberOf(user, workingGroupId);

/** Anyone with a role beyond observer may write somewhere. */
export const writes = (user: AuthUser): boolean => user.roles.some((r) => r !== Role.OBSERVER);
