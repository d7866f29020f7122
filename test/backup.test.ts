import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Binary, Db, MongoClient, ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../server/collaboration/document-state';
import {
  BadArchiveError,
  backupDatabase,
  backupOrder,
  DatabaseNotEmptyError,
  restoreDatabase,
} from '../server/db/backup';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { Role } from '../server/modules/users/role';
import { addParagraph, connectEditor, Editor, until } from './helpers/editors';
import { buildDraft, buildUser } from './helpers/factories';
import { startTestPlatform, TestPlatform } from './helpers/test-platform';

/** A draft's paragraphs' texts as its stored state says: the snapshot, then the log after it. */
async function storedParagraphs(db: Db, draftId: string): Promise<string[]> {
  const doc = new Y.Doc();
  const id = new ObjectId(draftId);
  const snapshot = await db.collection('draftsnapshots').findOne({ _id: id });
  const from = (snapshot?.seq as number | undefined) ?? 0;
  if (snapshot) Y.applyUpdate(doc, (snapshot.state as Binary).buffer);
  const log = db
    .collection('draftupdates')
    .find({ draftId: id, seq: { $gt: from } })
    .sort({ seq: 1 });
  let expected = from + 1;
  for await (const entry of log) {
    // No gap in the log after the snapshot: a gap would be an edit lost.
    expect(entry.seq).toBe(expected);
    expected += 1;
    Y.applyUpdate(doc, (entry.update as Binary).buffer);
  }
  return doc
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .map((p) =>
      p instanceof Y.XmlElement
        ? p
            .toArray()
            .map((t) => (t as Y.XmlText).toString())
            .join('')
        : '',
    );
}

const DRAFT = `query($d: ID!) { draft(id: $d) {
  id title status text state
  versions { number label text createdBy { name } }
  revisions(first: 100) { nodes { author { name } edits wordsInserted } }
} }`;
const COMMENTS = `query($d: ID!) { comments(targetId: $d) { body author { name } } }`;
const COMPARE = `query($d: ID!, $f: ID) { compareDraft(draftId: $d, from: $f, to: null) { changes { kind text authors { name } } } }`;

describe('backup and restore', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let client: MongoClient;
  let t: TestPlatform;
  const editors: Editor[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-backup-'));
    db = new EmbeddedDatabase(path.join(dir, 'db'));
    await db.start();
    client = await MongoClient.connect(db.uri('committee'));
    // Compactions (every 10 updates) and history writes run all along the backup.
    t = await startTestPlatform({
      MONGODB_URI: db.uri('committee'),
      COMPACT_EVERY: '10',
      HISTORY_WRITE_DELAY_MS: '20',
    });
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
    await client.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the log and its snapshots last, after everything that points into a text', () => {
    expect(
      backupOrder(['draftsnapshots', 'draftupdates', 'drafts', 'draftauthors', 'comments']),
    ).toEqual(['comments', 'drafts', 'draftauthors', 'draftupdates', 'draftsnapshots']);
  });

  it('takes a consistent archive while people type, and restores texts with no edit lost before it', async () => {
    const drafts = [await buildDraft(1), await buildDraft(1)];
    const people = await Promise.all([1, 2].map(() => buildUser(t, [Role.DELEGATE], [1])));
    // Two editors on each draft, each typing numbered words into a paragraph of their own.
    const typists: { editor: Editor; draftId: string; index: number; tag: string }[] = [];
    for (const [d, draftId] of drafts.entries()) {
      for (const [p, person] of people.entries()) {
        const editor = connectEditor(t.url, person.token, draftId);
        editors.push(editor);
        await editor.provider.whenSynced();
        await until(() => editor.doc.getXmlFragment(CONTENT_FIELD).length === p);
        addParagraph(editor.doc, '');
        await editor.provider.whenAcknowledged();
        typists.push({ editor, draftId, index: p, tag: `${'xy'[d]}${'ab'[p]}` });
      }
    }
    let typing = true;
    let paused = false;
    const counts = typists.map(() => 0);
    const words = (tag: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${tag}${i} `).join('');
    const loops = typists.map(async ({ editor, index, tag }, i) => {
      while (typing) {
        if (paused) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        const text = (editor.doc.getXmlFragment(CONTENT_FIELD).get(index) as Y.XmlElement).get(
          0,
        ) as Y.XmlText;
        text.insert(text.length, `${tag}${counts[i]} `);
        counts[i] += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    // Some typing stored before the backup starts: it must all be in the archive.
    await until(() => counts.every((c) => c >= 30), 30_000, 'typing before the backup');
    // A pause to know what is stored (an editor's acknowledgement waits for all it has sent).
    paused = true;
    await Promise.all(typists.map((ty) => ty.editor.provider.whenAcknowledged()));
    const before = [...counts];
    paused = false;
    const file = path.join(dir, 'live.backup');
    const report = await backupDatabase(client.db('committee'), file);
    expect(report.documents).toBeGreaterThan(0);
    typing = false;
    await Promise.all(loops);
    await Promise.all(typists.map((ty) => ty.editor.provider.whenAcknowledged()));

    // Everything typed is stored before the editors go (under load, after the last refusal's retry).
    await until(
      async () => {
        for (const [i, ty] of typists.entries()) {
          const res = await t.gql(DRAFT, { d: ty.draftId }, people[0].token);
          if (!String(res.data?.draft?.text ?? '').includes(`${ty.tag}${counts[i] - 1} `))
            return false;
        }
        return true;
      },
      30_000,
      'every word typed stored',
    );
    await Promise.all(editors.splice(0).map((e) => e.close()));

    const target = client.db('restored-live');
    const restored = await restoreDatabase(target, file);
    expect(restored.documents).toBe(report.documents);
    for (const draftId of drafts) {
      const paragraphs = await storedParagraphs(target, draftId);
      expect(paragraphs).toHaveLength(2);
      for (const [p, text] of paragraphs.entries()) {
        const i = typists.findIndex((ty) => ty.draftId === draftId && ty.index === p);
        const tag = typists[i].tag;
        // A prefix of what was typed (nothing from the middle missing), holding at least what
        // was stored when the backup started.
        const n = text.split(' ').filter(Boolean).length;
        expect(text).toBe(words(tag, n));
        expect(n).toBeGreaterThanOrEqual(before[i]);
        expect(n).toBeLessThanOrEqual(counts[i]);
      }
    }
  });

  it('round trip: every draft’s text, versions, history and comments are the same after a restore', async () => {
    const chair = await t.login('chair@committee.test');
    const { data } = await t.gql<{ drafts: { id: string }[] }>('{ drafts { id } }', {}, chair);
    const ids = data!.drafts.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    // Something of each kind on a seeded draft: a version, edits after it, comments.
    const draftId = ids[0];
    const editor = connectEditor(t.url, chair, draftId);
    editors.push(editor);
    await editor.provider.whenSynced();
    addParagraph(editor.doc, 'Before the version.');
    await editor.provider.whenAcknowledged();
    const version = await t.gql(
      'mutation($d: ID!) { createDraftVersion(draftId: $d, label: "Zero draft") { id } }',
      { d: draftId },
      chair,
    );
    expect(version.errors).toBeUndefined();
    addParagraph(editor.doc, 'After the version, by the Chair.');
    await editor.provider.whenAcknowledged();
    for (const body of ['A first remark.', 'Une seconde remarque.']) {
      const res = await t.gql(
        'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }',
        { i: { targetId: draftId, body } },
        chair,
      );
      expect(res.errors).toBeUndefined();
    }
    const versionId = version.data!.createDraftVersion.id as string;

    const read = async (platform: TestPlatform, token: string) => {
      const out: unknown[] = [];
      for (const id of ids) {
        const draft = await platform.gql(DRAFT, { d: id }, token);
        const comments = await platform.gql(COMMENTS, { d: id }, token);
        expect(draft.errors).toBeUndefined();
        expect(comments.errors).toBeUndefined();
        out.push(draft.data, comments.data);
      }
      const history = await platform.gql(COMPARE, { d: draftId, f: versionId }, token);
      expect(history.errors).toBeUndefined();
      out.push(history.data);
      return out;
    };
    // The history recorders write a moment after the edits: wait until they have.
    await until(async () => {
      const res = await t.gql(DRAFT, { d: draftId }, chair);
      return (res.data?.draft.revisions.nodes.length ?? 0) > 0;
    });
    // A settled state: two reads in a row the same (history is written a moment after edits).
    let original = await read(t, chair);
    await until(
      async () => {
        const again = await read(t, chair);
        const same = JSON.stringify(again) === JSON.stringify(original);
        original = again;
        return same;
      },
      30_000,
      'a settled state to back up',
    );
    expect(JSON.stringify(original)).toContain('After the version, by the Chair.');

    const file = path.join(dir, 'quiet.backup');
    await backupDatabase(client.db('committee'), file);
    const target = client.db('restored');
    await target.collection('stray').insertOne({ left: 'over' });
    await expect(restoreDatabase(target, file)).rejects.toThrow(DatabaseNotEmptyError);
    expect(await target.collection('stray').countDocuments()).toBe(1);
    await restoreDatabase(target, file, { force: true });
    expect(await target.listCollections({ name: 'stray' }).toArray()).toHaveLength(0);

    // The restored database serves the same answers to a fresh server.
    await Promise.all(editors.splice(0).map((e) => e.close()));
    await t.stop();
    t = await startTestPlatform({ MONGODB_URI: db.uri('restored') });
    const again = await t.login('chair@committee.test');
    expect(await read(t, again)).toEqual(original);
  });

  it('refuses a file that is not one of its archives, and leaves the database as it was', async () => {
    const file = path.join(dir, 'not-a-backup');
    writeFileSync(file, 'hello');
    const target = client.db('untouched');
    await expect(restoreDatabase(target, file)).rejects.toThrow(BadArchiveError);
    expect(await target.listCollections().toArray()).toHaveLength(0);
  });
});
