import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config';
import { BadArchiveError, backupDatabase } from '../server/db/backup';
import { openDatabase } from '../server/db/database';
import { StartupError } from '../server/startup-error';
import { parseArgs, UsageError } from './operations-args';

/**
 * `npm run backup -- --out FILE`: a consistent archive of the whole database (MONGODB_URI, or the
 * embedded one under DATA_DIR) while the server keeps running. See server/db/backup.ts.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2), { out: 'file' }, 'npm run backup -- --out FILE');
  const config = loadConfig();
  // While the platform runs on this DATA_DIR, read through its database rather than start a second one on the same files.
  const db = await openDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    attachToRunning: true,
  });
  try {
    const started = Date.now();
    const file = path.resolve(args.out);
    const report = await backupDatabase(db.connection.getClient().db(db.connection.name), file);
    process.stdout.write(
      `Backup written to ${file}: ${report.documents} records in ${report.collections} collections, ${(report.bytes / 1024).toFixed(0)} KiB, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
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
    err instanceof UsageError;
  process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!plain && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = err instanceof ConfigError ? err.exitCode : err instanceof UsageError ? 2 : 1;
});
