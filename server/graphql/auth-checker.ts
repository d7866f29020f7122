import type { GraphQLResolveInfo } from 'graphql';
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
/** Whether a guest may use this field of the schema (it carries `OPEN_TO_GUESTS`). */
export const openToGuests = (info: GraphQLResolveInfo): boolean =>
  info.parentType.getFields()[info.fieldName]?.extensions?.openToGuests === true;

/**
 * A subscription's start: a session, and for a guest a field marked `OPEN_TO_GUESTS`. Subscribing
 * does not pass through the auth checker (it runs on each event's resolution), so a guest could
 * otherwise listen to a draft's comments or status.
 */
export function requireSubscriber(
  context: Pick<Context, 'user' | 'tokenRejected'>,
  info: GraphQLResolveInfo,
): AuthUser {
  const user = requireUser(context);
  if (isGuest(user) && !openToGuests(info)) throw forbidden(GUEST_REFUSED);
  return user;
}

export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  const user = requireUser(context);
  if (isGuest(user)) {
    if (!openToGuests(info)) throw forbidden(GUEST_REFUSED);
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
