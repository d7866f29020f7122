import { AppPubSub, channel, HandlerRegistry } from './pubsub';

export function createInProcessPubSub(): AppPubSub {
  const registry = new HandlerRegistry();
  return {
    publish(topic, id, payload) {
      registry.dispatch(channel(topic, id), payload);
    },
    listen(topic, id, handler) {
      return registry.add(channel(topic, id), handler as (p: unknown) => void).remove;
    },
    listenerCount(topic, id) {
      return registry.count(channel(topic, id));
    },
    onResumed: () => () => {},
    async close() {},
  };
}
