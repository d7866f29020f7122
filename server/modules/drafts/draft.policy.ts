import type { Types } from 'mongoose';
import type { AuthUser } from '../../graphql/context';
import { coordinates, hasRole, isMemberOf, isOfficer, writes } from '../shared/roles';
import { Role } from '../users/role';
import { DraftStatus } from './draft-status';

interface DraftRef {
  workingGroupId: Types.ObjectId;
}

/** Who may do what with a working group's draft. Every signed-in person may read. */
export const draftPolicy = {
  edit: (u: AuthUser, d: DraftRef) => isOfficer(u) || (writes(u) && isMemberOf(u, d.workingGroupId)),
  comment: (u: AuthUser, d: DraftRef) => draftPolicy.edit(u, d) || hasRole(u, Role.EXPERT),
  create: (u: AuthUser, workingGroupId: Types.ObjectId) => isOfficer(u) || coordinates(u, workingGroupId),
  manage: (u: AuthUser, d: DraftRef) => isOfficer(u) || coordinates(u, d.workingGroupId),
  // Adoption is the Committee's decision, not a working group's; so is undoing it (reopening).
  setStatus: (u: AuthUser, d: DraftRef, from: DraftStatus, to: DraftStatus) =>
    from === DraftStatus.ADOPTED || to === DraftStatus.ADOPTED ? isOfficer(u) : draftPolicy.manage(u, d),
};
