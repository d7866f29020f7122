import type { AuthChecker } from 'type-graphql';
import type { AuthUser } from '../core/auth-user';
import { forbidden, unauthenticated } from '../core/errors';
import type { Role } from '../core/role';
import { GUEST_REFUSED, isGuest } from '../core/roles';
import type { Context } from './context';

export { authorize } from '../core/authorize';

/**
 * Marks an operation a guest (MEMBER_STATE) may use: `@Extensions(OPEN_TO_GUESTS)`. Guests are
 * refused everything else by default, so an operation added later cannot let them in by accident.
 */
export const OPEN_TO_GUESTS = { openToGuests: true } as const;

/**
 * `@Authorized()` needs a session; `@Authorized(roles)` needs one of the roles. A guest passes
 * only where the field is marked `OPEN_TO_GUESTS`.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  const user = requireUser(context);
  if (isGuest(user)) {
    const field = info.parentType.getFields()[info.fieldName];
    if (field?.extensions?.openToGuests !== true) throw forbidden(GUEST_REFUSED);
  }
  if (roles.length > 0 && !roles.some((r) => user.roles.includes(r))) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}.`);
  }
  return true;
};

export function requireUser(context: Pick<Context, 'user' | 'tokenRejected'>): AuthUser {
  if (!context.user) {
    throw context.tokenRejected
      ? unauthenticated('Your session has expired or was revoked; sign in again.')
      : unauthenticated();
  }
  return context.user;
}
