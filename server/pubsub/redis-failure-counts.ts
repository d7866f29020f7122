import type * as IORedis from 'ioredis';
import { logger } from '../logger';
import type { FailureCounts, FailureWindowState } from '../modules/auth/failure-counts';

const PREFIX = 'committee:login-failures:';

/**
 * Failed sign-ins counted in Redis, shared by every instance: a key per account or address that
 * lives for the window from its first failure. A client of its own, which fails at once while
 * Redis is away (no offline queue, a short time limit), so that a sign-in never waits on it: the
 * throttle then counts on this instance alone.
 */
export function createRedisFailureCounts(
  url: string,
  windowMs: number,
): FailureCounts & { close(): Promise<void> } {
  // Loaded with REDIS_URL only, as the pub/sub's client is (redis.ts).
  const Redis = (require('ioredis') as typeof IORedis).default;
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error (sign-in counts)'));
  return {
    async read(key: string): Promise<FailureWindowState | null> {
      const [[, count], [, ttl]] = (await redis
        .multi()
        .get(PREFIX + key)
        .pttl(PREFIX + key)
        .exec()) as [[unknown, string | null], [unknown, number]];
      if (count === null || ttl <= 0) return null;
      return { count: Number(count), resetInMs: ttl };
    },
    async add(key: string): Promise<void> {
      // The first failure of a window creates the key with the window's lifetime; the others
      // count in it without extending it.
      await redis
        .multi()
        .set(PREFIX + key, 0, 'PX', windowMs, 'NX')
        .incr(PREFIX + key)
        .exec();
    },
    async forget(key: string): Promise<void> {
      await redis.del(PREFIX + key);
    },
    async close(): Promise<void> {
      redis.disconnect();
    },
  };
}
