import 'reflect-metadata';
import { ConfigError, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { ensureIndexes } from '../server/db/indexes';
import { DEMO_ACCOUNTS } from '../server/seed/demo-accounts';
import { seedDatabase } from '../server/seed/seed';

/** `npm run seed`: loads the programme of work into MONGODB_URI or the embedded database (idempotent). */
async function main() {
  const config = loadConfig();
  // While the platform runs on this DATA_DIR, seed through its database: a second one on the same files would corrupt them.
  const db = await openDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    attachToRunning: true,
  });
  if (db.attachedTo) {
    process.stdout.write(
      `The platform is running on this data directory (pid ${db.attachedTo.pid}): seeding through its database on port ${db.attachedTo.port}.\n`,
    );
  }
  try {
    await ensureIndexes();
    const report = await seedDatabase(config.seedPassword, (step) =>
      process.stdout.write(`  seeding ${step}...\n`),
    );
    process.stdout.write(
      `Seed done: ${report.inserted} records added, ${report.existing} already there.\n`,
    );
    process.stdout.write(
      `Demo accounts (password: SEED_PASSWORD):\n${DEMO_ACCOUNTS.map((a) => `  ${a.email}  ${a.roles.join(', ')}`).join('\n')}\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof ConfigError ? err.exitCode : 1;
});
