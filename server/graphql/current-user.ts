import { createParameterDecorator } from 'type-graphql';
import { requireUser } from './auth-checker';
import type { Context } from './context';

/**
 * The signed-in person, as a resolver parameter. Reading it through requireUser rather than
 * `ctx.user!` makes a resolver that forgot `@Authorized()` answer UNAUTHENTICATED instead of
 * passing null to a service. `optional` gives null to a field that also answers the signed out
 * (abilities: all false).
 */
export function CurrentUser(
  options: { optional?: boolean } = {},
): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<Context>(({ context }) =>
    options.optional ? context.user : requireUser(context),
  );
}
