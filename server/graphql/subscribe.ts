import type { SubscribeResolverData } from 'type-graphql';
import type { Context } from './context';
import { requireUser } from './auth-checker';
import { Topic } from './pubsub';

type Args = Record<string, unknown>;

/**
 * A subscription's `subscribe`: checks the session (and whatever `route` checks) when the
 * subscription starts, then listens on the topic under the id `route` returns.
 */
export function subscribeTo(topic: Topic, route: (args: Args, context: Context) => string | Promise<string>) {
  return async ({ args, context }: SubscribeResolverData<unknown, Args, Context>) => {
    requireUser(context);
    const id = await route(args, context);
    return context.pubSub.subscribe(topic, id);
  };
}
