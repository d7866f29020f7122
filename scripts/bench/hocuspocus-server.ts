import { Database } from '@hocuspocus/extension-database';
import { type Extension, Server } from '@hocuspocus/server';
import { Binary, MongoClient } from 'mongodb';
import { EmbeddedDatabase } from '../../server/db/embedded-database';

/**
 * Hocuspocus 3 as the reference co-editing server: with no extensions (documents in memory), or,
 * given DATA_DIR, storing each document as Hocuspocus is usually run, through its Database
 * extension, in the same embedded database as ours (FerretDB, its child process, so that its CPU
 * and memory count). It stores the whole document after 2 s without edits, at least every 10 s
 * (its defaults): a crash loses what came since, where ours stores every edit before it
 * acknowledges it.
 */
async function storage(dataDir: string): Promise<Extension> {
  const database = new EmbeddedDatabase(dataDir);
  await database.start();
  const client = await MongoClient.connect(database.uri('hocuspocus'));
  const documents = client.db().collection<{ _id: string; state: Binary }>('documents');
  return new Database({
    fetch: async ({ documentName }) => {
      const found = await documents.findOne({ _id: documentName });
      return found ? found.state.value() : null;
    },
    store: async ({ documentName, state }) => {
      await documents.updateOne(
        { _id: documentName },
        { $set: { state: new Binary(state) } },
        { upsert: true },
      );
    },
  });
}

async function main() {
  const dataDir = process.env.DATA_DIR;
  const server = new Server({
    port: Number(process.env.PORT),
    address: '127.0.0.1',
    quiet: true,
    extensions: dataDir ? [await storage(dataDir)] : [],
  });
  await server.listen();
  process.stdout.write('listening\n');
}

void main();
