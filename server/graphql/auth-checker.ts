import type { AuthChecker } from 'type-graphql';
import type { AuthUser } from '../core/auth-user';
import { forbidden, unauthenticated } from '../core/errors';
import type { Role } from '../core/role';
import type { Context } from './context';

export { authorize } from '../core/authorize';

/** `@Authorized()` needs a session; `@Authorized(roles)` needs one of the roles. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = requireUser(context);
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
