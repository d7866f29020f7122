import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { Role } from '../../core/role';
import { hasRole, isGuest } from '../../core/roles';

/** What the rules need of a consultation: whether it still takes comments. */
interface ConsultationState {
  open: boolean;
}

/**
 * Who may do what with open consultations. Opening and closing one is the Secretariat's (it
 * runs the Committee's outreach); Member States' guests read the consulted text and comment on
 * it, and nothing else; the Committee's own people (who may read drafts) read the consultation
 * and its comments, and answer on the draft page, not in it.
 */
export const consultationPolicy = {
  open: (u: AuthUser) => hasRole(u, Role.SECRETARIAT),
  close: (u: AuthUser, c: ConsultationState) => consultationPolicy.open(u) && c.open,
  /**
   * Every guest reads every open consultation (it is open to all Member States); a closed one
   * only if they took part. Everyone else reads them all (like drafts, which guests never read).
   */
  read: (u: AuthUser, c: ConsultationState, tookPart: boolean) =>
    isGuest(u) ? c.open || tookPart : true,
  /** A guest with a delegation, while it is open: a comment is signed with both. */
  comment: (u: AuthUser, c: ConsultationState) => consultationPolicy.mayComment(u) && c.open,
  mayComment: (u: AuthUser) => isGuest(u) && u.delegationId !== null,
  /**
   * Its author edits or withdraws their comment while the consultation is open: once closed, what
   * Member States said by the closing is what stands.
   */
  changeComment: (u: AuthUser, comment: { authorId: Types.ObjectId }, c: ConsultationState) =>
    c.open && comment.authorId.equals(u._id),
};

export interface ConsultationAbilityValues {
  comment: boolean;
  close: boolean;
}

export function consultationAbilities(
  u: AuthUser | null,
  c: ConsultationState,
): ConsultationAbilityValues {
  if (!u) return { comment: false, close: false };
  return { comment: consultationPolicy.comment(u, c), close: consultationPolicy.close(u, c) };
}
