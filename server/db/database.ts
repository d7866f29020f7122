import mongoose from 'mongoose';
import { logger } from '../logger';
import { EmbeddedDatabase } from './embedded-database';

// Every filter built from input is stripped of query operators ($gt, $where, ...).
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

export interface Database {
  connection: mongoose.Connection;
  embedded: EmbeddedDatabase | undefined;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  mongodbUri: string | undefined;
  dataDir: string;
  dbName?: string;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = opts.mongodbUri;
  if (!uri) {
    embedded = new EmbeddedDatabase(opts.dataDir);
    await embedded.start();
    uri = embedded.uri(opts.dbName ?? 'committee');
  }
  const connection = mongoose.connection;
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 5000,
    heartbeatFrequencyMS: 2000,
    // FerretDB v1 has no retryable-write support; MongoDB replica sets do.
    retryWrites: !embedded ? undefined : false,
    autoIndex: false,
  });
  logger.info({ embedded: embedded !== undefined }, 'database connected');
  return {
    connection,
    embedded,
    async ping() {
      const db = connection.db;
      if (!db || connection.readyState !== mongoose.ConnectionStates.connected) return false;
      try {
        await db.admin().command({ ping: 1 }, { timeoutMS: 1500 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}
