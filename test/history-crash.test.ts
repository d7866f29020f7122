import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db, MongoClient, ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../server/collaboration/document-state';
import { DraftHistoryProgressModel } from '../server/collaboration/history-progress.model';
import { DraftUpdateModel } from '../server/collaboration/update.model';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { freeLoopbackPort } from '../server/db/free-port';
import { DraftRevisionModel } from '../server/modules/revisions/revision.model';
import { addParagraph, connectEditor, Editor } from './helpers/editors';
import { gql, ServerProcess, startServerProcess } from './helpers/server-process';
import { until } from './helpers/wait';

const PASSWORD = 'history-crash-password-1540';
const DELEGATE = 'delegate@committee.test';
const CHAIR = 'chair@committee.test';

interface Revision {
  author: { id: string } | null;
  startedAt: string;
  endedAt: string;
  wordsInserted: number;
  wordsDeleted: number;
  edits: number;
}

interface Change {
  kind: 'INSERTED' | 'DELETED' | 'UNCHANGED';
  text: string;
  authors: { id: string }[];
}

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const p = doc.getXmlFragment(CONTENT_FIELD).get(index) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

// The history of an edit (who inserted and deleted what, the revisions) is written after the edit
// is stored and acknowledged. A server killed in between must not lose it: the next one records
// it from the update log.
describe('history of edits acknowledged just before a kill -9', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let mongo: MongoClient;
  let database: Db;
  let server: ServerProcess | undefined;
  let editor: Editor | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-history-crash-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
    mongo = new MongoClient(db.uri('committee'));
    await mongo.connect();
    database = mongo.db();
  });
  afterAll(async () => {
    await editor?.close();
    await server?.stop();
    await mongo?.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(extra: Record<string, string> = {}): Promise<string> {
    // The previous case's last server is still up: one server at a time, none left behind.
    await server?.stop();
    const port = String(await freeLoopbackPort());
    server = await startServerProcess({
      MONGODB_URI: db.uri('committee'),
      PORT: port,
      SEED_PASSWORD: PASSWORD,
      ...extra,
    });
    return server.url;
  }

  async function signIn(url: string, email: string) {
    const { login } = await gql<{ login: { token: string } }>(
      url,
      `mutation { login(email: "${email}", password: "${PASSWORD}") { token } }`,
    );
    const { me, drafts } = await gql<{
      me: { id: string };
      drafts: { id: string; workingGroup: { number: number } }[];
    }>(url, '{ me { id } drafts { id workingGroup { number } } }', {}, login.token);
    return {
      token: login.token,
      userId: me.id,
      draftId: drafts.find((d) => d.workingGroup.number === 1)!.id,
    };
  }

  // Read back by a fresh server; or compacted first (the log and each entry's sender gone).
  it.each([
    ['', false],
    [', also once the log is compacted away', true],
  ])(
    'records who wrote what and the revision with its words after the restart%s',
    async (_, compactFirst) => {
      // 1. A version of the draft as it is, made by the chair on a server that writes history at once.
      let url = await start();
      const chair = await signIn(url, CHAIR);
      const { createDraftVersion: base } = await gql<{ createDraftVersion: { id: string } }>(
        url,
        'mutation($d: ID!) { createDraftVersion(draftId: $d) { id } }',
        { d: chair.draftId },
        chair.token,
      );
      await server!.stop();
      // From the first run on, the edits' revision is the delegate's newest.
      const since = Date.now();

      // 2. The delegate edits on a server that waits a minute before writing history; every edit is
      //    acknowledged (stored in the log), and the server is killed right after.
      url = await start({ HISTORY_WRITE_DELAY_MS: '60000' });
      const delegate = await signIn(url, DELEGATE);
      const draftId = delegate.draftId;
      const oid = new ObjectId(draftId);
      editor = connectEditor(url, delegate.token, draftId);
      await editor.provider.whenSynced();
      const paragraphs = editor.doc.getXmlFragment(CONTENT_FIELD).length;
      addParagraph(editor.doc, 'Recorded after a crash');
      await editor.provider.whenAcknowledged();
      // Letter by letter, each its own acknowledged edit: two words more.
      for (const ch of ' nonetheless surely') {
        const text = paragraphText(editor.doc, paragraphs);
        text.insert(text.length, ch);
        await editor.provider.whenAcknowledged();
      }
      const killedAt = Date.now();
      server!.child.kill('SIGKILL');
      await until(() => server!.child.signalCode !== null, 15_000, 'the killed server to exit');
      await editor.close();
      editor = undefined;

      // The premise: the edits are in the log, their history is not.
      const updates = database.collection(DraftUpdateModel.collection.collectionName);
      const revisions = database.collection(DraftRevisionModel.collection.collectionName);
      const progress = database.collection(DraftHistoryProgressModel.collection.collectionName);
      const edits = await updates
        .find({
          draftId: oid,
          userId: new ObjectId(delegate.userId),
          createdAt: { $gte: new Date(since) },
        })
        .sort({ seq: 1 })
        .toArray();
      expect(edits.length).toBe(1 + ' nonetheless surely'.length);
      const lastSeq = edits[edits.length - 1].seq as number;
      expect(
        await revisions.countDocuments({
          draftId: oid,
          userId: new ObjectId(delegate.userId),
          lastSeq: { $gte: edits[0].seq },
        }),
      ).toBe(0);
      expect((await progress.findOne({ _id: oid }))?.revisionSeq ?? 0).toBeLessThan(edits[0].seq);

      // 3. Restarted on the same data (nothing holds the draft open): reading the history catches up.
      url = await start(compactFirst ? { COMPACT_EVERY: '10', COMPACT_MIN_INTERVAL_MS: '0' } : {});
      const reader = await signIn(url, CHAIR);
      if (compactFirst) {
        // Someone else's edit: the log is over the bound, so it is compacted, senders and all.
        editor = connectEditor(url, reader.token, draftId);
        await editor.provider.whenSynced();
        addParagraph(editor.doc, 'Chair');
        await editor.provider.whenAcknowledged();
        await until(
          async () =>
            (await updates.countDocuments({ draftId: oid, seq: { $lte: lastSeq } })) === 0,
          30_000,
          'the log compacted',
        );
        await editor.close();
        editor = undefined;
      }
      const { draft } = await gql<{ draft: { revisions: { nodes: Revision[] } } }>(
        url,
        `query($d: ID!) { draft(id: $d) { revisions(first: 50) {
        nodes { author { id } startedAt endedAt wordsInserted wordsDeleted edits }
      } } }`,
        { d: draftId },
        reader.token,
      );
      const mine = draft.revisions.nodes.filter(
        (r) => r.author?.id === delegate.userId && new Date(r.startedAt).getTime() >= since,
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ wordsInserted: 6, wordsDeleted: 0, edits: edits.length });
      // Dated when the edits were stored, not when they were recorded.
      expect(new Date(mine[0].startedAt).getTime()).toBe(edits[0].createdAt.getTime());
      expect(new Date(mine[0].endedAt).getTime()).toBeLessThanOrEqual(killedAt);

      const { compareDraft } = await gql<{ compareDraft: { changes: Change[] } }>(
        url,
        `query($d: ID!, $f: ID) { compareDraft(draftId: $d, from: $f) {
        changes { kind text authors { id } }
      } }`,
        { d: draftId, f: base.id },
        reader.token,
      );
      const inserted = compareDraft.changes.filter(
        // The chair's paragraph, and the paragraph break before it (which has no author of its own).
        (c) => c.kind === 'INSERTED' && !['Chair', ''].includes(c.text.trim()),
      );
      expect(inserted.map((c) => c.text).join('')).toContain('Recorded after a crash nonetheless');
      for (const c of inserted) expect(c.authors.map((a) => a.id)).toEqual([delegate.userId]);

      // Recorded once: reading again, and a later catch-up (a compaction's), adds nothing.
      const again = await gql<{ draft: { revisions: { nodes: Revision[] } } }>(
        url,
        `query($d: ID!) { draft(id: $d) { revisions(first: 50) { nodes { author { id } startedAt wordsInserted edits } } } }`,
        { d: draftId },
        reader.token,
      );
      expect(
        again.draft.revisions.nodes.filter(
          (r) => r.author?.id === delegate.userId && new Date(r.startedAt).getTime() >= since,
        ),
      ).toEqual([
        {
          author: { id: delegate.userId },
          startedAt: mine[0].startedAt,
          wordsInserted: 6,
          edits: edits.length,
        },
      ]);
      expect((await progress.findOne({ _id: oid }))?.revisionSeq).toBeGreaterThanOrEqual(lastSeq);
      expect((await progress.findOne({ _id: oid }))?.attributionSeq).toBeGreaterThanOrEqual(
        edits[0].seq,
      );
    },
    240_000,
  );
});
