import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db, MongoClient, ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { bytes, plainText } from '../server/collaboration/document-state';
import { DraftSnapshotModel } from '../server/collaboration/snapshot.model';
import { DraftUpdateModel } from '../server/collaboration/update.model';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { freeLoopbackPort } from '../server/db/free-port';
import { addParagraph, connectEditor, Editor, firstParagraphText } from './helpers/editors';
import { gql, ServerProcess, startServerProcess } from './helpers/server-process';
import { until, waitFor } from './helpers/wait';

const PASSWORD = 'crash-test-password-1540';
const DELEGATE = 'delegate@committee.test';
/** An officer, who may write any group's draft. */
const CHAIR = 'chair@committee.test';

/** An acknowledgement as it reached an editor: the seq the server answered, and what was sent. */
interface Ack {
  editor: number;
  seq: number;
  update: Uint8Array;
}

/** What the database holds for a draft, read directly (not through the server). */
interface StoredLog {
  updates: Map<number, Uint8Array>;
  snapshot: { seq: number; state: Uint8Array } | null;
}

async function readStored(db: Db, draftId: string): Promise<StoredLog> {
  const id = new ObjectId(draftId);
  const [entries, snapshot] = await Promise.all([
    db
      .collection(DraftUpdateModel.collection.collectionName)
      .find({ draftId: id })
      .sort({ seq: 1 })
      .toArray(),
    db.collection(DraftSnapshotModel.collection.collectionName).findOne({ _id: id }),
  ]);
  return {
    updates: new Map(entries.map((e) => [e.seq as number, bytes(e.update)])),
    snapshot: snapshot ? { seq: snapshot.seq as number, state: bytes(snapshot.state) } : null,
  };
}

/** The stored document: snapshot and every logged update (applying one twice changes nothing). */
function storedState(log: StoredLog): Uint8Array {
  const all = [...(log.snapshot ? [log.snapshot.state] : []), ...log.updates.values()];
  return all.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(all);
}

const textOf = (doc: Y.Doc) => plainText(Y.encodeStateAsUpdate(doc));

/**
 * Each acknowledged update must be in the database under the seq it was acknowledged with, with
 * the very bytes that were sent; or, when compaction has merged that seq into the snapshot, the
 * snapshot must hold all of it. Returns what is missing, described.
 */
function unstored(acks: Ack[], log: StoredLog): string[] {
  const problems: string[] = [];
  const snapshotVector = log.snapshot ? Y.encodeStateVectorFromUpdate(log.snapshot.state) : null;
  for (const ack of acks) {
    const stored = log.updates.get(ack.seq);
    if (stored) {
      if (!Buffer.from(stored).equals(Buffer.from(ack.update)))
        problems.push(`seq ${ack.seq} (editor ${ack.editor}) is stored with other bytes`);
    } else if (log.snapshot && snapshotVector && log.snapshot.seq >= ack.seq) {
      if (Y.decodeUpdate(Y.diffUpdate(ack.update, snapshotVector)).structs.length > 0)
        problems.push(`seq ${ack.seq} (editor ${ack.editor}) is compacted but not in the snapshot`);
    } else {
      problems.push(`seq ${ack.seq} (editor ${ack.editor}) was acknowledged and is not stored`);
    }
  }
  return problems;
}

function recordAcks(editor: Editor, index: number, into: Ack[]): void {
  editor.provider.on('acked', (seq: number) => {
    // The provider adds the update to `acknowledged` just before it emits 'acked'.
    const sent = editor.provider.acknowledged;
    into.push({ editor: index, seq, update: sent[sent.length - 1] });
  });
}

async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await until(() => server.child.signalCode !== null, 15_000, 'the killed server to exit');
}

describe('a server killed while people edit', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let mongo: MongoClient;
  let database: Db;
  let server: ServerProcess | undefined;
  let editors: Editor[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-crash-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
    mongo = new MongoClient(db.uri('committee'));
    await mongo.connect();
    database = mongo.db();
  });
  afterEach(async () => {
    await Promise.all(editors.map((e) => e.close()));
    editors = [];
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    await mongo?.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(extra: Record<string, string> = {}) {
    const port = String(await freeLoopbackPort());
    const env = { MONGODB_URI: db.uri('committee'), PORT: port, SEED_PASSWORD: PASSWORD };
    server = await startServerProcess({ ...env, ...extra });
    return { env, url: server.url };
  }

  async function signIn(url: string, group: number, email = DELEGATE) {
    const { login } = await gql<{ login: { token: string } }>(
      url,
      `mutation { login(email: "${email}", password: "${PASSWORD}") { token } }`,
    );
    const { drafts } = await gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
      url,
      '{ drafts { id workingGroup { number } } }',
      {},
      login.token,
    );
    return { token: login.token, draftId: drafts.find((d) => d.workingGroup.number === group)!.id };
  }

  /** The draft's text as a fresh session reads it through the server. */
  async function freshRead(url: string, draftId: string): Promise<string> {
    const { token } = await signIn(url, 1);
    const { draft } = await gql<{ draft: { state: string } }>(
      url,
      'query($d: ID!) { draft(id: $d) { state } }',
      { d: draftId },
      token,
    );
    return plainText(new Uint8Array(Buffer.from(draft.state, 'base64')));
  }

  // Without compaction every acknowledgement is checked by its seq and bytes; with it (every 10
  // stored updates), also while the log is being merged into the snapshot around the crash.
  it.each([
    ['', false, 1, DELEGATE],
    [' while compaction runs', true, 3, CHAIR],
  ])(
    'stores every edit any editor holds, and each acknowledgement only after its update%s',
    async (_, compacting, group, email) => {
      // History written at once, so that compactions (which wait for it) follow each other fast
      // enough to be under way around the crash.
      const { env, url } = await start(
        compacting
          ? { COMPACT_EVERY: '10', COMPACT_MIN_INTERVAL_MS: '0', HISTORY_WRITE_DELAY_MS: '0' }
          : {},
      );
      const { token, draftId } = await signIn(url, group, email);

      const acks: Ack[] = [];
      for (let i = 0; i < 3; i += 1) {
        editors.push(connectEditor(url, token, draftId));
        recordAcks(editors[i], i, acks);
      }
      await Promise.all(editors.map((e) => e.provider.whenSynced()));
      addParagraph(editors[0].doc, '');
      await until(
        () => editors.every((e) => firstParagraphText(e.doc) !== undefined),
        30_000,
        'the paragraph at every editor',
      );

      // Each editor types its own marks ("e1:17 "), all of them every few milliseconds.
      const marks: string[] = [];
      let typed = 0;
      const typing = setInterval(() => {
        for (const [i, e] of editors.entries()) {
          const mark = `e${i}:${typed} `;
          firstParagraphText(e.doc)!.insert(0, mark);
          marks.push(mark);
        }
        typed += 1;
      }, 4);
      try {
        await until(
          () => editors.every((e) => e.provider.acknowledged.length > 10),
          30_000,
          'some acknowledged edits at every editor',
        );
        await killHard(server!);
        const typedAtCrash = typed;

        // Whatever reached an editor as acknowledged came from the dead server: it must be stored,
        // under its seq, byte for byte. Read from the database while the server is down.
        const acksAtCrash = [...acks];
        expect(acksAtCrash.length).toBeGreaterThan(30);
        expect(unstored(acksAtCrash, await readStored(database, draftId))).toEqual([]);

        await until(() => typed >= typedAtCrash + 50, 30_000, 'typing while the server is gone');
        expect(editors.some((e) => e.provider.pending > 0)).toBe(true);

        server = await startServerProcess(env);
        const acksAtRestart = acks.length;
        const typedAtRestart = typed;
        await until(
          () =>
            typed >= typedAtRestart + 50 &&
            editors.every(
              (_, i) => acks.slice(acksAtRestart).filter((a) => a.editor === i).length > 5,
            ),
          60_000,
          'typing after the restart, acknowledged at every editor',
        );
      } finally {
        clearInterval(typing);
      }
      expect(new Set(marks).size).toBe(marks.length);

      // Settled: nothing unacknowledged anywhere, and every editor shows what the database holds.
      const settled = await waitFor(
        async () => {
          const stored = plainText(storedState(await readStored(database, draftId)));
          return {
            stored,
            ok: editors.every(
              (e) => e.provider.synced && e.provider.pending === 0 && textOf(e.doc) === stored,
            ),
          };
        },
        (s) => s.ok,
        60_000,
        'every editor acknowledged and equal to the stored document',
      ).catch((err: Error) => {
        const state = editors.map((e) => ({
          seq: e.provider.seq,
          status: e.provider.status,
          synced: e.provider.synced,
          pending: e.provider.pending,
          length: textOf(e.doc).length,
        }));
        throw new Error(`${err.message.slice(0, 500)}: ${JSON.stringify(state)}`);
      });

      // Every mark typed, by any editor, before, during or after the crash, is stored exactly once.
      const storedMarks = settled.stored.match(/e\d:\d+ /g) ?? [];
      expect(storedMarks.length).toBe(marks.length);
      expect(new Set(storedMarks)).toEqual(new Set(marks));
      for (const e of editors) expect(textOf(e.doc)).toBe(settled.stored);
      // Every acknowledgement, of either server, under its seq with its bytes.
      if (compacting)
        await until(
          async () => ((await readStored(database, draftId)).snapshot?.seq ?? 0) > 0,
          30_000,
          'a compaction',
        );
      const final = await readStored(database, draftId);
      expect(unstored(acks, final)).toEqual([]);
      if (compacting) expect(final.snapshot?.seq).toBeGreaterThan(0);
      else expect(final.snapshot).toBeNull();
      // And the server, restarted, serves the same document to someone who was not editing.
      expect(await freshRead(server!.url, draftId)).toBe(settled.stored);
    },
    240_000,
  );

  it('stores an edit that reached a peer live but died with its sender and the server', async () => {
    // Writes at least a minute apart: the first edit is stored at once, the next one waits, after
    // it was sent to the other editors, long enough to kill the server before it is written.
    const { env, url } = await start({ COMMIT_INTERVAL_MS: '60000' });
    const { token, draftId } = await signIn(url, 2);
    const sender = connectEditor(url, token, draftId);
    const peer = connectEditor(url, token, draftId);
    editors.push(sender, peer);
    const acks: Ack[] = [];
    recordAcks(sender, 0, acks);
    await Promise.all(editors.map((e) => e.provider.whenSynced()));

    addParagraph(sender.doc, 'stored before the crash');
    await sender.provider.whenAcknowledged();
    expect(acks).toHaveLength(1);
    await until(
      () => textOf(peer.doc).includes('stored before the crash'),
      30_000,
      'the first edit at the peer',
    );

    const lost = 'only the peer holds this';
    addParagraph(sender.doc, lost);
    await until(() => textOf(peer.doc).includes(lost), 30_000, 'the second edit at the peer, live');
    expect(sender.provider.pending).toBe(1);
    // The sender's browser closes: its unacknowledged edit goes with it, nobody will resend it.
    await sender.close();
    editors = [peer];
    await killHard(server!);

    // The premise: the edit reached the peer and is not in the database.
    const atCrash = await readStored(database, draftId);
    expect(plainText(storedState(atCrash))).toContain('stored before the crash');
    expect(plainText(storedState(atCrash))).not.toContain(lost);
    expect(unstored(acks, atCrash)).toEqual([]);
    expect(acks).toHaveLength(1);

    server = await startServerProcess(env);
    // The peer's resynchronisation stores what it holds beyond the stored state.
    const stored = await waitFor(
      async () => plainText(storedState(await readStored(database, draftId))),
      (text) => text.includes(lost),
      60_000,
      "the peer's resend of the lost edit in the database",
    );
    expect(stored).toContain('stored before the crash');
    await until(
      () => peer.provider.synced && peer.provider.pending === 0,
      60_000,
      'the peer acknowledged',
    );
    const final = plainText(storedState(await readStored(database, draftId)));
    expect(textOf(peer.doc)).toBe(final);
    expect(await freshRead(server!.url, draftId)).toBe(final);

    // And a new editor, opening the draft after all this, gets it.
    const reader = connectEditor(server!.url, token, draftId, { readOnly: true });
    editors.push(reader);
    await reader.provider.whenSynced();
    expect(textOf(reader.doc)).toBe(final);
  }, 240_000);
});
