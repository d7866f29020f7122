import type { AuthUser } from '../../core/auth-user';
import { isOfficer } from '../../core/roles';

/** The audit trail is read by the Chair and the Secretariat; nobody writes it but the platform. */
export const auditPolicy = {
  read: (u: AuthUser) => isOfficer(u),
};
