import { randomBytes } from 'node:crypto';
import type * as IORedis from 'ioredis';
import { BSON } from 'mongodb';
import { logger } from '../logger';
import { AppPubSub, channel, HandlerRegistry } from './pubsub';

const PREFIX = 'committee:';
const INSTANCE_ID_BYTES = 16;

/**
 * Pub/sub through Redis, so an event published on one instance reaches subscribers on all.
 * Payloads travel as BSON (ObjectIds and Dates survive); each message is decoded once and the
 * same object goes to every local handler.
 */
export async function createRedisPubSub(url: string): Promise<AppPubSub> {
  // Loaded here, not at start: an instance without REDIS_URL never needs it (1.5 MiB of heap).
  const Redis = (require('ioredis') as typeof IORedis).default;
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

  // Each message starts with its instance's id: an instance delivers its own events to its own
  // subscribers at once, not through Redis, so that while Redis is down (or slow) its clients keep
  // being served by it; the copy Redis echoes back is skipped. Others get it once Redis is back
  // (ioredis queues what is published meanwhile, and subscribes again by itself on reconnecting);
  // the editors' providers also catch up from the stored log (draftUpdates afterSeq).
  const self = randomBytes(INSTANCE_ID_BYTES);

  subscriber.on('messageBuffer', (name: Buffer, message: Buffer) => {
    if (message.subarray(0, INSTANCE_ID_BYTES).equals(self)) return;
    let payload: unknown;
    try {
      payload = BSON.deserialize(message.subarray(INSTANCE_ID_BYTES), { promoteBuffers: true });
    } catch (err) {
      logger.error({ err }, 'undecodable pub/sub message');
      return;
    }
    registry.dispatch(name.toString().slice(PREFIX.length), payload);
  });

  // Redis keeps no pub/sub message for a subscriber that is away: after an interruption, once
  // every channel is subscribed again (ioredis does it on reconnecting; done again here, to know
  // when it is done), the relays are told to catch their clients up from the database.
  const resumed = new Set<() => void>();
  let interrupted = false;
  subscriber.on('close', () => {
    interrupted = true;
  });
  subscriber.on('ready', () => {
    if (!interrupted) return;
    interrupted = false;
    const names = [...registry.names()].map((name) => PREFIX + name);
    (names.length > 0 ? subscriber.subscribe(...names) : Promise.resolve(0)).then(
      () => {
        logger.info({ channels: names.length }, 'redis back: subscribed again; clients catch up');
        for (const fn of resumed) fn();
      },
      (err: Error) => logger.error({ err: err.message }, 'redis resubscribe failed'),
    );
  });

  return {
    onResumed(fn) {
      resumed.add(fn);
      return () => resumed.delete(fn);
    },
    publish(topic, id, payload) {
      const name = channel(topic, id);
      const bytes = BSON.serialize(payload as BSON.Document);
      // Local subscribers get what remote ones get: the payload as decoded from its bytes.
      if (registry.count(name) > 0)
        registry.dispatch(name, BSON.deserialize(bytes, { promoteBuffers: true }));
      publisher.publish(PREFIX + name, Buffer.concat([self, bytes])).catch((err: Error) => {
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
