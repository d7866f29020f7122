import Redis from 'ioredis';
import { BSON } from 'mongodb';
import { logger } from '../logger';
import { AppPubSub, channel, HandlerRegistry } from './pubsub';

const PREFIX = 'committee:';

/**
 * Pub/sub through Redis, so an event published on one instance reaches subscribers on all.
 * Payloads travel as BSON (ObjectIds and Dates survive); each message is decoded once and the
 * same object goes to every local handler.
 */
export async function createRedisPubSub(url: string): Promise<AppPubSub> {
  const options = { lazyConnect: true, maxRetriesPerRequest: null, enableAutoPipelining: true };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (err) => logger.warn({ err: err.message, client: name }, 'redis error'));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const registry = new HandlerRegistry();
  // Channels whose SUBSCRIBE Redis has confirmed: before that, their events would not arrive.
  const subscribed = new Set<string>();

  subscriber.on('messageBuffer', (name: Buffer, message: Buffer) => {
    let payload: unknown;
    try {
      payload = BSON.deserialize(message, { promoteBuffers: true });
    } catch (err) {
      logger.error({ err }, 'undecodable pub/sub message');
      return;
    }
    registry.dispatch(name.toString().slice(PREFIX.length), payload);
  });

  return {
    publish(topic, id, payload) {
      publisher
        .publish(PREFIX + channel(topic, id), Buffer.from(BSON.serialize(payload as BSON.Document)))
        .catch((err: Error) => {
          logger.error({ err: err.message, topic }, 'redis publish failed');
        });
    },
    listen(topic, id, handler) {
      const name = channel(topic, id);
      const { first, remove } = registry.add(name, handler as (p: unknown) => void);
      if (first) {
        subscriber.subscribe(PREFIX + name).then(
          () => registry.count(name) > 0 && subscribed.add(name),
          (err: Error) =>
            logger.error({ err: err.message, channel: name }, 'redis subscribe failed'),
        );
      }
      return () => {
        if (!remove()) return;
        subscribed.delete(name);
        void subscriber.unsubscribe(PREFIX + name);
      };
    },
    listenerCount(topic, id) {
      const name = channel(topic, id);
      return subscribed.has(name) ? registry.count(name) : 0;
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
