import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config';
import { BadArchiveError, DatabaseNotEmptyError, restoreDatabase } from '../server/db/backup';
import { openDatabase } from '../server/db/database';
import { StartupError } from '../server/startup-error';
import { parseArgs, UsageError } from './operations-args';

/**
 * `npm run restore -- --in FILE [--force]`: loads a backup into the configured database (the
 * embedded one under DATA_DIR, or MONGODB_URI). The server must be stopped: the embedded database
 * refuses a second process on its files, and a running server would write its drafts back.
 */
async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    { in: 'file', force: 'flag' },
    'npm run restore -- --in FILE [--force]',
  );
  const file = path.resolve(args.in);
  if (!existsSync(file)) throw new UsageError(`There is no file ${file}.`);
  const config = loadConfig();
  const db = await openDatabase({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  try {
    const report = await restoreDatabase(db.connection.getClient().db(db.connection.name), file, {
      force: args.force === 'true',
    });
    process.stdout.write(
      `Restored ${report.documents} records in ${report.collections} collections from the backup of ${report.createdAt}.\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  const plain =
    err instanceof ConfigError ||
    err instanceof StartupError ||
    err instanceof BadArchiveError ||
    err instanceof DatabaseNotEmptyError ||
    err instanceof UsageError;
  process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!plain && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = err instanceof ConfigError ? err.exitCode : err instanceof UsageError ? 2 : 1;
});
