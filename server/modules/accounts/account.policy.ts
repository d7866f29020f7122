import type { AuthUser } from '../../core/auth-user';
import { Role } from '../../core/role';
import { hasRole } from '../../core/roles';

interface PersonRef {
  _id: { equals(other: unknown): boolean };
  deactivatedAt?: Date | null;
  passwordHash?: string | null;
}

/**
 * Who may do what with people's accounts. Accounts are the Secretariat's to keep (it services
 * the Committee's organisation, as for working groups' membership); everyone manages their own
 * password and sessions. Nobody deactivates themselves or takes their own Secretariat role: the
 * Committee would be left with nobody to undo it.
 */
export const accountPolicy = {
  manage: (u: AuthUser) => hasRole(u, Role.SECRETARIAT),
  deactivate: (u: AuthUser, p: PersonRef) =>
    accountPolicy.manage(u) && !p._id.equals(u._id) && !p.deactivatedAt,
  reactivate: (u: AuthUser, p: PersonRef) => accountPolicy.manage(u) && !!p.deactivatedAt,
  /** A new link (reset, or the invitation again): not while deactivated, which must be undone first. */
  issueLink: (u: AuthUser, p: PersonRef) => accountPolicy.manage(u) && !p.deactivatedAt,
  changeAccess: (u: AuthUser, _p: PersonRef) => accountPolicy.manage(u),
};

/** What the signed-in person (null: nobody) may do with someone's account. */
export const accountAbilities = (u: AuthUser | null, p: PersonRef) => ({
  deactivate: !!u && accountPolicy.deactivate(u, p),
  reactivate: !!u && accountPolicy.reactivate(u, p),
  resetPassword: !!u && accountPolicy.issueLink(u, p),
  changeAccess: !!u && accountPolicy.changeAccess(u, p),
});
