import type { AuthUser } from '../../graphql/context';
import { draftPolicy } from '../drafts/draft.policy';
import { hasRole, isOfficer } from '../shared/roles';
import { Role } from '../users/role';
import type { CommentTarget } from './comment-target';

interface CommentRef {
  authorId: { equals(other: unknown): boolean };
  deletedAt?: Date | null;
}

/** Who may do what with comments. Every signed-in person may read them. */
export const commentPolicy = {
  add: (u: AuthUser, target: CommentTarget) => (target.kind === 'draft' ? draftPolicy.comment(u, target.draft) : commentPolicy.addOnAgenda(u)),
  // Delegations and the Committee's own people comment on agenda items; observers read.
  addOnAgenda: (u: AuthUser) => hasRole(u, Role.DELEGATE, Role.COORDINATOR, Role.EXPERT, Role.CHAIR, Role.SECRETARIAT),
  edit: (u: AuthUser, c: CommentRef) => !c.deletedAt && c.authorId.equals(u._id),
  delete: (u: AuthUser, c: CommentRef) => !c.deletedAt && (c.authorId.equals(u._id) || hasRole(u, Role.SECRETARIAT)),
  resolve: (u: AuthUser, c: CommentRef, target: CommentTarget) =>
    c.authorId.equals(u._id) || isOfficer(u) || (target.kind === 'draft' && draftPolicy.manage(u, target.draft)),
};
