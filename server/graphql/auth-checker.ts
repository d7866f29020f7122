import type { AuthChecker } from 'type-graphql';
import type { Role } from '../modules/users/role';
import type { AuthUser, Context } from './context';
import { forbidden, unauthenticated } from './errors';

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
    throw context.tokenRejected ? unauthenticated('Your session has expired or was revoked; sign in again.') : unauthenticated();
  }
  return context.user;
}

/** The single gate policies answer through: a refusal is FORBIDDEN and nothing has changed. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
