import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { BSON, Db, Document, IndexDescription } from 'mongodb';

/**
 * A backup archive: gzip of JSON lines, in MongoDB's canonical Extended JSON (ObjectIds, dates and
 * binary Yjs updates keep their types). First a header line, then for each collection a line
 * naming it and its indexes, followed by one line per document. A logical dump rather than a copy
 * of the database files: it works the same for the embedded FerretDB and for a MongoDB behind
 * MONGODB_URI, and it restores into either.
 */
export const ARCHIVE_FORMAT = 'committee-drafting-platform/backup';
export const ARCHIVE_VERSION = 1;

interface HeaderLine {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  database: string;
}
interface CollectionLine {
  collection: string;
  indexes: IndexDescription[];
}
interface DocumentLine {
  d: Document;
}

/**
 * The order collections are read in, which is what makes the archive consistent without a
 * snapshot read (FerretDB has none) while the server keeps writing:
 *  - everything else first (drafts, versions, comments, people...): whatever they point at in a
 *    draft's text was written before them, so the text read later holds it;
 *  - then the history recorders' progress, before their records: a record read beyond the
 *    progress is written again after a restore (the recorders already survive a crash between
 *    the two), whereas progress read beyond the records would leave a gap for good;
 *  - then the update log, then the snapshots: a compaction writes its snapshot before deleting
 *    the log it covers, so log entries missing from the archive are covered by the snapshot read
 *    after them. Each draft's text is the one it had at some moment during the backup, or later.
 */
const HISTORY_PROGRESS = ['drafthistoryprogresses'];
const HISTORY_RECORDS = ['draftauthors', 'draftdeletions', 'draftrevisions', 'draftactivities'];
const LOG = ['draftupdates'];
const SNAPSHOTS = ['draftsnapshots'];
const LATE = [...HISTORY_PROGRESS, ...HISTORY_RECORDS, ...LOG, ...SNAPSHOTS];

export function backupOrder(names: string[]): string[] {
  const early = names.filter((n) => !LATE.includes(n)).sort();
  return [...early, ...LATE.filter((n) => names.includes(n))];
}

const userCollections = async (db: Db) =>
  (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !n.startsWith('system.'));

const line = (value: HeaderLine | CollectionLine | DocumentLine) =>
  `${BSON.EJSON.stringify(value, { relaxed: false })}\n`;

export interface BackupReport {
  collections: number;
  documents: number;
  bytes: number;
}

/**
 * Writes the whole database to `file` (through a temporary file renamed at the end, so a failed
 * or interrupted backup never leaves a half archive under the name asked for).
 */
export async function backupDatabase(db: Db, file: string): Promise<BackupReport> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  const written = pipeline(gzip, out);
  let documents = 0;
  const names = backupOrder(await userCollections(db));
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    const header: HeaderLine = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      database: db.databaseName,
    };
    await write(line(header));
    for (const name of names) {
      const collection = db.collection(name);
      const indexes = (await collection.listIndexes().toArray())
        .filter((i) => i.name !== '_id_')
        .map(({ v: _v, ns: _ns, ...spec }) => spec as IndexDescription);
      await write(line({ collection: name, indexes }));
      // Natural order, batch by batch: one pass over each collection, no sort to hold in memory.
      for await (const d of collection.find({}, { batchSize: 500 })) {
        await write(line({ d }));
        documents++;
      }
    }
    gzip.end();
    await written;
    renameSync(partial, file);
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw err;
  }
  return { collections: names.length, documents, bytes: out.bytesWritten };
}

/** A database that already holds something: restoring over it needs `force`. */
export class DatabaseNotEmptyError extends Error {
  constructor(readonly collections: string[]) {
    super(
      `The database is not empty (it holds ${collections.slice(0, 5).join(', ')}${collections.length > 5 ? ', ...' : ''}). Restore into an empty one, or pass --force to replace what it holds.`,
    );
  }
}

/** The file is not an archive this program wrote (or is damaged). */
export class BadArchiveError extends Error {}

export interface RestoreReport {
  collections: number;
  documents: number;
  createdAt: string;
}

/**
 * Loads an archive into `db`. Refuses a database holding any document unless `force`, which
 * drops its collections first. Run it with the server stopped: a running server keeps drafts in
 * memory and would write them back over the restored ones.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  opts: { force?: boolean } = {},
): Promise<RestoreReport> {
  // The file is checked before anything is dropped: a wrong file must not cost the database.
  const lines = archiveLines(file);
  const first = await lines.next();
  const header = checkHeader(file, first.done ? undefined : first.value);

  const existing = await userCollections(db);
  const nonEmpty: string[] = [];
  for (const name of existing)
    if ((await db.collection(name).estimatedDocumentCount()) > 0) nonEmpty.push(name);
  if (nonEmpty.length > 0 && !opts.force) {
    await lines.return(undefined);
    throw new DatabaseNotEmptyError(nonEmpty);
  }
  for (const name of existing) await db.collection(name).drop();

  let current: string | undefined;
  let batch: Document[] = [];
  let documents = 0;
  let collections = 0;
  const flush = async () => {
    if (current && batch.length > 0) await db.collection(current).insertMany(batch);
    documents += batch.length;
    batch = [];
  };
  for await (const parsed of lines) {
    if ('collection' in parsed) {
      await flush();
      const c = parsed as CollectionLine;
      current = c.collection;
      collections++;
      await db.createCollection(current);
      if (c.indexes.length > 0) await db.collection(current).createIndexes(c.indexes);
    } else {
      if (!current)
        throw new BadArchiveError(`${file} is damaged: a document before its collection.`);
      batch.push((parsed as DocumentLine).d);
      if (batch.length >= 500) await flush();
    }
  }
  await flush();
  return { collections, documents, createdAt: header.createdAt };
}

/** The archive's lines, parsed; damage is said as a BadArchiveError. */
async function* archiveLines(file: string): AsyncGenerator<Document> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      if (text === '') continue;
      let parsed: Document;
      try {
        parsed = BSON.EJSON.parse(text, { relaxed: false }) as Document;
      } catch {
        throw new BadArchiveError(`${file} is damaged: a line is not Extended JSON.`);
      }
      yield parsed;
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
      throw new BadArchiveError(
        `${file} is not a backup of this platform (not gzip, or cut short).`,
      );
    throw err;
  } finally {
    lines.close();
    input.destroy();
  }
}

function checkHeader(file: string, first: Document | undefined): HeaderLine {
  if (!first) throw new BadArchiveError(`${file} is empty.`);
  const h = first as Partial<HeaderLine>;
  if (h.format !== ARCHIVE_FORMAT)
    throw new BadArchiveError(`${file} is not a backup of this platform.`);
  // Canonical Extended JSON reads numbers back as typed wrappers (Int32, Double).
  const version = Number(h.version);
  if (!Number.isInteger(version) || version > ARCHIVE_VERSION)
    throw new BadArchiveError(
      `${file} was written by a newer version of the platform (archive version ${version}); restore it with that version.`,
    );
  return h as HeaderLine;
}
