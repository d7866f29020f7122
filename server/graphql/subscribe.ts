import type { SubscribeResolverData } from 'type-graphql';
import { EventQueue } from '../pubsub/iterate';
import type { Topic, TopicPayloads } from '../pubsub/topics';
import { requireSubscriber } from './auth-checker';
import type { Context } from './context';

type Args = Record<string, unknown>;

/**
 * A subscription's `subscribe`: checks the session (a guest only where the field is open to
 * guests, and whatever `route` checks) when the
 * subscription starts, then streams the topic's events under the id `route` returns.
 */
export function subscribeTo<T extends Topic>(
  topic: T,
  route: (args: Args, context: Context) => string | Promise<string>,
) {
  return async ({
    args,
    context,
    info,
  }: SubscribeResolverData<unknown, Args, Context>): Promise<AsyncIterable<TopicPayloads[T]>> => {
    requireSubscriber(context, info);
    const id = await route(args, context);
    let unlisten = () => {};
    const queue = new EventQueue<TopicPayloads[T]>(() => unlisten());
    unlisten = context.pubSub.listen(topic, id, (payload) => queue.push(payload));
    return queue;
  };
}
