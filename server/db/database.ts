import mongoose from 'mongoose';
import { logger } from '../logger';
import { StartupError } from '../startup-error';
import { DataDirOwner, dataDirOwner } from './data-dir-lock';
import { failWritesOnClosedConnections } from './driver-fix';
import { EmbeddedDatabase } from './embedded-database';
import { isFerretDb, serializeUpdates } from './serial-updates';

// Every filter built from input is stripped of query operators ($gt, $where, ...).
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
failWritesOnClosedConnections();

export interface Database {
  connection: mongoose.Connection;
  embedded: EmbeddedDatabase | undefined;
  /** The other process whose embedded database this one uses (see `attachToRunning`). */
  attachedTo: DataDirOwner | undefined;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  mongodbUri: string | undefined;
  dataDir: string;
  dbName?: string;
  /**
   * When the platform already runs the embedded database on dataDir, use it rather than refuse
   * (for one-off tools such as the seed; a second server is refused, as it would not supervise it).
   */
  attachToRunning?: boolean;
}

/** The URI with its password masked, for messages. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/** A MONGODB_URI that cannot be used: say which one and what to do, not only the driver's words. */
export class DatabaseUnreachableError extends StartupError {
  constructor(uri: string, cause: Error) {
    const where = redactUri(uri);
    const refused = (cause as { code?: unknown }).code === 18;
    super(
      refused
        ? `The MongoDB at ${where} refused the user name or password in MONGODB_URI (${cause.message}). Correct them, or unset MONGODB_URI to use the embedded database.`
        : `Could not reach the MongoDB at ${where} (${cause.message}). Start MongoDB there (or correct MONGODB_URI), or unset MONGODB_URI to use the embedded database.`,
      { cause },
    );
  }

  static explains(err: unknown): err is Error {
    return (
      err instanceof Error &&
      (/ServerSelection/.test(err.name) || (err as { code?: unknown }).code === 18)
    );
  }
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = opts.mongodbUri;
  const attachedTo = !uri && opts.attachToRunning ? dataDirOwner(opts.dataDir) : undefined;
  if (attachedTo) {
    uri = `mongodb://127.0.0.1:${attachedTo.port}/${opts.dbName ?? 'committee'}`;
  } else if (!uri) {
    embedded = new EmbeddedDatabase(opts.dataDir);
    await embedded.start();
    uri = embedded.uri(opts.dbName ?? 'committee');
  }
  const local = embedded !== undefined || attachedTo !== undefined;
  const connection = mongoose.connection;
  try {
    await mongoose.connect(uri, {
      // A database on this machine that does not answer within 2 s is down (restarting, see
      // EmbeddedDatabase): requests then fail with DATABASE_UNAVAILABLE rather than hang. A remote
      // replica set gets longer, as an election takes seconds.
      serverSelectionTimeoutMS: local ? 2000 : 5000,
      heartbeatFrequencyMS: 2000,
      // Fail at once while disconnected instead of queueing for mongoose's 10 s buffer timeout.
      bufferCommands: false,
      // FerretDB v1 has no retryable-write support; MongoDB replica sets do.
      retryWrites: local ? false : undefined,
      autoIndex: false,
    });
  } catch (err) {
    await embedded?.stop();
    if (opts.mongodbUri && DatabaseUnreachableError.explains(err))
      throw new DatabaseUnreachableError(opts.mongodbUri, err);
    throw err;
  }
  const info = await connection.db
    ?.admin()
    .command({ buildInfo: 1 })
    .catch(() => ({}));
  if (local || isFerretDb(info ?? {})) serializeUpdates();
  logger.info({ embedded: embedded !== undefined, attachedTo }, 'database connected');
  return {
    connection,
    embedded,
    attachedTo,
    async ping() {
      const db = connection.db;
      if (!db || connection.readyState !== mongoose.ConnectionStates.connected) return false;
      // The driver takes no time limit per operation (its timeoutMS is accepted and ignored).
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>(
        (resolve) => (timer = setTimeout(() => resolve(false), 1500)),
      );
      try {
        return await Promise.race([
          db
            .admin()
            .command({ ping: 1 })
            .then(() => true),
          late,
        ]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}
