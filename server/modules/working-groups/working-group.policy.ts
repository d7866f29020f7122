import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { Role } from '../../core/role';
import { hasRole, isGuest } from '../../core/roles';
import { draftPolicy } from '../drafts/draft.policy';

/** Who may do what with a working group itself (its drafts' rules are in draft.policy.ts). */
export const workingGroupPolicy = {
  /** Everyone signed in but a guest (MEMBER_STATE). */
  read: (u: AuthUser) => !isGuest(u),
  /**
   * Who sits in a group (delegations, people) and who coordinates it is the Secretariat's to
   * keep: it services the Committee's organisation; the Chair and the coordinators ask it to.
   */
  manageMembers: (u: AuthUser) => hasRole(u, Role.SECRETARIAT),
};

/** What the signed-in person (null: nobody) may do in a working group; its drafts' rules decide. */
export const workingGroupAbilities = (u: AuthUser | null, workingGroupId: Types.ObjectId) => ({
  createDraft: !!u && draftPolicy.create(u, workingGroupId),
  manageMembers: !!u && workingGroupPolicy.manageMembers(u),
});
