import type { Config } from './config';
import { Database, openDatabase } from './db/database';
import { ensureIndexes } from './db/indexes';
import { RunningApp, startApp } from './http/app';
import { logger } from './logger';
import { LOGIN_WINDOW_MS, loginThrottle } from './modules/auth/login-throttle';
import { CommitteeModel } from './modules/committee/committee.model';
import { createInProcessPubSub } from './pubsub/in-process';
import type { AppPubSub } from './pubsub/pubsub';
import { createRedisPubSub } from './pubsub/redis';
import { createRedisFailureCounts } from './pubsub/redis-failure-counts';
import { accountsWithDefaultPassword } from './seed/default-password';
import { seedDemoContent } from './seed/demo-content';
import { seedDatabase } from './seed/seed';

export interface Platform {
  app: RunningApp;
  db: Database;
  pubSub: AppPubSub;
  stop(): Promise<void>;
}

/** Database, indexes, first-run seed, production checks, then the HTTP/WebSocket server. */
export async function startPlatform(
  config: Config,
  opts: { dbName?: string } = {},
): Promise<Platform> {
  const db = await openDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    dbName: opts.dbName,
  });
  let failureCounts: ReturnType<typeof createRedisFailureCounts> | null = null;
  try {
    await ensureIndexes();
    if ((await CommitteeModel.estimatedDocumentCount()) === 0) {
      logger.info('empty database: loading the programme of work');
      const report = await seedDatabase(config.seedPassword);
      logger.info(report, 'seeded');
      if (config.demoContent && (await seedDemoContent()))
        logger.info(
          'demo content: a consultation of Member States open on working group 1’s zero draft',
        );
    }
    if (config.production) {
      const weak = await accountsWithDefaultPassword();
      if (weak.length > 0) {
        throw new Error(
          `Refusing to start in production: these accounts still have the default seed password: ${weak.join(', ')}. Change them (mutation changePassword) or re-seed with SEED_PASSWORD.`,
        );
      }
    }
    const pubSub = config.redisUrl
      ? await createRedisPubSub(config.redisUrl)
      : createInProcessPubSub();
    // Guesses spread over instances count together.
    failureCounts = config.redisUrl
      ? createRedisFailureCounts(config.redisUrl, LOGIN_WINDOW_MS)
      : null;
    loginThrottle.share(failureCounts);
    const app = await startApp(config, db, pubSub);
    return {
      app,
      db,
      pubSub,
      async stop() {
        await app.close();
        loginThrottle.share(null);
        await failureCounts?.close();
        await pubSub.close();
        await db.close();
      },
    };
  } catch (err) {
    loginThrottle.share(null);
    await failureCounts?.close();
    await db.close();
    throw err;
  }
}
