import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { Role } from '../../core/role';
import { hasRole, isOfficer } from '../../core/roles';
import { draftPolicy } from '../drafts/draft.policy';

interface CommentRef {
  authorId: { equals(other: unknown): boolean };
  deletedAt?: Date | null;
}

/** What a comment is on, as far as permissions go (a CommentTarget fits). */
export type CommentPlace =
  | { kind: 'draft'; draft: { workingGroupId: Types.ObjectId } }
  | { kind: 'agendaItem' };

/** Who may do what with comments. Every signed-in person may read them. */
export const commentPolicy = {
  add: (u: AuthUser, target: CommentPlace) =>
    target.kind === 'draft' ? draftPolicy.comment(u, target.draft) : commentPolicy.addOnAgenda(u),
  // Delegations and the Committee's own people comment on agenda items; observers read.
  addOnAgenda: (u: AuthUser) =>
    hasRole(u, Role.DELEGATE, Role.COORDINATOR, Role.EXPERT, Role.CHAIR, Role.SECRETARIAT),
  edit: (u: AuthUser, c: CommentRef) => !c.deletedAt && c.authorId.equals(u._id),
  delete: (u: AuthUser, c: CommentRef) =>
    !c.deletedAt && (c.authorId.equals(u._id) || hasRole(u, Role.SECRETARIAT)),
  resolve: (u: AuthUser, c: CommentRef, target: CommentPlace) =>
    c.authorId.equals(u._id) ||
    isOfficer(u) ||
    (target.kind === 'draft' && draftPolicy.manage(u, target.draft)),
};

export interface CommentAbilityValues {
  edit: boolean;
  delete: boolean;
  resolve: boolean;
}

/** What the signed-in person (null: nobody) may do with this comment, by the rules above. */
export function commentAbilities(
  u: AuthUser | null,
  c: CommentRef,
  target: CommentPlace,
): CommentAbilityValues {
  if (!u) return { edit: false, delete: false, resolve: false };
  return {
    edit: commentPolicy.edit(u, c),
    delete: commentPolicy.delete(u, c),
    resolve: commentPolicy.resolve(u, c, target),
  };
}
