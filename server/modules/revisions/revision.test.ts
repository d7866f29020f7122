import { Types } from 'mongoose';
import * as Y from 'yjs';
import {
  addParagraph,
  connectEditor,
  Editor,
  paragraphUpdate,
  until,
} from '../../../test/helpers/editors';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { waitFor } from '../../../test/helpers/wait';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { DraftUpdateModel } from '../../collaboration/update.model';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';

interface Revision {
  id: string;
  author: { id: string; name: string } | null;
  delegation: { name: string } | null;
  startedAt: string;
  endedAt: string;
  wordsInserted: number;
  wordsDeleted: number;
  edits: number;
  open: boolean;
}

interface Page {
  nodes: Revision[];
  endCursor: string | null;
  hasMore: boolean;
}

const REVISIONS = `query($d: ID!, $first: Int, $after: String) {
  draft(id: $d) {
    revisions(first: $first, after: $after) {
      nodes { id author { id name } delegation { name } startedAt endedAt wordsInserted wordsDeleted edits open }
      endCursor hasMore
    }
  }
}`;
const CREATE = `mutation($d: ID!) { createDraftVersion(draftId: $d) { id number } }`;

/** Gap short enough to wait for in a test, long enough for an edit and a query to fit in it. */
const GAP_MS = 6000;

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const p = doc.getXmlFragment(CONTENT_FIELD).get(index) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

/** Types `text` at the end of a paragraph a character at a time, each its own update. */
async function type(e: Editor, index: number, text: string): Promise<void> {
  for (const ch of text) {
    const t = paragraphText(e.doc, index);
    t.insert(t.length, ch);
    await e.provider.whenAcknowledged();
  }
}

describe('automatic history: revisions of a draft', () => {
  let t: TestPlatform;
  let chair: string;
  const editors: Editor[] = [];
  const open = (token: string, draftId: string) => {
    const e = connectEditor(t.url, token, draftId);
    editors.push(e);
    return e;
  };

  beforeAll(async () => {
    // A short gap, and a log compacted often, so that history must live outside it.
    t = await startTestPlatform({ REVISION_GAP_MS: String(GAP_MS), COMPACT_EVERY: '10' });
    chair = await t.login('chair@committee.test');
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  const page = async (
    draftId: string,
    vars: { first?: number; after?: string } = {},
    token = chair,
  ): Promise<Page> => {
    const res = await t.gql<{ draft: { revisions: Page } }>(
      REVISIONS,
      { d: draftId, ...vars },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.draft.revisions;
  };
  const createVersion = async (draftId: string) => {
    const res = await t.gql(CREATE, { d: draftId }, chair);
    expect(res.errors).toBeUndefined();
  };

  it('keeps one open revision per author with the words each inserted and deleted, through compaction and a restart', async () => {
    const draftId = await buildDraft(2);
    const france = await t.login('delegate@committee.test');
    const member = await buildUser(t, [Role.DELEGATE], [2]);
    const a = open(france, draftId);
    const b = open(member.token, draftId);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);

    addParagraph(a.doc, 'The Committee welcomes');
    await a.provider.whenAcknowledged();
    await until(() => b.doc.getXmlFragment(CONTENT_FIELD).length === 1);
    addParagraph(b.doc, 'Further reports are requested');
    await b.provider.whenAcknowledged();
    // Letter by letter, as an editor sends them: one word, not five.
    await type(b, 1, ' soon');
    const t1 = paragraphText(b.doc, 1);
    t1.delete(0, 'Further '.length);
    await b.provider.whenAcknowledged();
    await until(() => paragraphText(a.doc, 1)?.toString() === 'reports are requested soon');

    const first = await page(draftId);
    expect(first.hasMore).toBe(false);
    expect(
      first.nodes.map((r) => ({
        author: r.author?.id ?? null,
        delegation: r.delegation?.name ?? null,
        inserted: r.wordsInserted,
        deleted: r.wordsDeleted,
        open: r.open,
      })),
    ).toEqual([
      // Newest first: the member started after France.
      { author: member.id, delegation: null, inserted: 5, deleted: 1, open: true },
      {
        author: expect.any(String),
        delegation: expect.stringMatching(/France/),
        inserted: 3,
        deleted: 0,
        open: true,
      },
    ]);
    expect(first.nodes[0].edits).toBe(1 + ' soon'.length + 1);
    expect(first.nodes[1].edits).toBe(1);
    for (const r of first.nodes)
      expect(new Date(r.endedAt).getTime()).toBeGreaterThanOrEqual(new Date(r.startedAt).getTime());
    // Everyone signed in reads them.
    const observer = await t.login('observer@committee.test');
    expect((await page(draftId, {}, observer)).nodes).toHaveLength(2);

    // The log is compacted away and the server restarted: the history is the same.
    const id = new Types.ObjectId(draftId);
    await t.platform.app.collab.compact(id);
    await t.platform.app.collab.compact(id);
    expect(await DraftUpdateModel.countDocuments({ draftId: id })).toBe(0);
    const stable = (p: Page) =>
      p.nodes.map(({ open: _open, ...rest }) => rest).sort((x, y) => x.id.localeCompare(y.id));
    expect(stable(await page(draftId))).toEqual(stable(first));
    await t.restart();
    expect(stable(await page(draftId))).toEqual(stable(first));

    // After the restart, edits are counted again (against the document rebuilt from the snapshot).
    await a.provider.whenSynced();
    await until(() => a.doc.getXmlFragment(CONTENT_FIELD).length === 2);
    paragraphText(a.doc, 0).insert(paragraphText(a.doc, 0).length, ' the reports');
    await a.provider.whenAcknowledged();
    const after = await page(draftId);
    const franceWords = after.nodes
      .filter((r) => r.delegation?.name.match(/France/))
      .reduce((n, r) => n + r.wordsInserted, 0);
    expect(franceWords).toBe(5);
  });

  it('closes a revision after the gap or at a numbered version; the next edit opens another', async () => {
    const draftId = await buildDraft(3);
    const member = await buildUser(t, [Role.DELEGATE], [3]);
    const e = open(member.token, draftId);
    await e.provider.whenSynced();
    addParagraph(e.doc, 'One two');
    await e.provider.whenAcknowledged();
    expect((await page(draftId)).nodes.map((r) => r.open)).toEqual([true]);

    // No edit for the gap: closed, with nothing written for it.
    await waitFor(
      () => page(draftId),
      (p) => p.nodes.length === 1 && !p.nodes[0].open,
      GAP_MS * 3,
      'the revision closed by the gap',
    );
    await type(e, 0, ' three');
    const second = await page(draftId);
    expect(second.nodes.map((r) => [r.open, r.wordsInserted])).toEqual([
      [true, 1],
      [false, 2],
    ]);

    // A numbered version closes it at once.
    await createVersion(draftId);
    expect((await page(draftId)).nodes.map((r) => r.open)).toEqual([false, false]);
    paragraphText(e.doc, 0).insert(0, 'Zero ');
    await e.provider.whenAcknowledged();
    const third = await page(draftId);
    expect(third.nodes.map((r) => [r.open, r.wordsInserted, r.edits])).toEqual([
      [true, 1, 1],
      [false, 1, ' three'.length],
      [false, 2, 1],
    ]);
    expect(third.nodes.every((r) => r.author?.id === member.id)).toBe(true);

    // Adoption freezes a version by itself, which closes the open revision too.
    const adopted = await t.gql(
      'mutation($d: ID!) { setDraftStatus(id: $d, status: ADOPTED) { status } }',
      { d: draftId },
      chair,
    );
    expect(adopted.errors).toBeUndefined();
    await waitFor(
      () => page(draftId),
      (p) => p.nodes.every((r) => !r.open),
      10_000,
      'the revisions closed by adoption',
    );

    // An account that is gone leaves its revisions, without an author.
    await e.close();
    await UserModel.deleteOne({ _id: new Types.ObjectId(member.id) });
    const orphaned = await page(draftId);
    expect(orphaned.nodes.map((r) => [r.author, r.wordsInserted])).toEqual([
      [null, 1],
      [null, 1],
      [null, 2],
    ]);
  });

  it('counts an edit stored before the text it builds on once that text comes, and one whose text never comes not at all', async () => {
    const draftId = await buildDraft(2);
    const member = await buildUser(t, [Role.DELEGATE], [2]);
    const sender = new Y.Doc();
    const other = await buildUser(t, [Role.DELEGATE], [2]);
    const apply = async (update: Uint8Array, token = member.token) => {
      const res = await t.gql(
        'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }',
        { d: draftId, u: Buffer.from(update).toString('base64') },
        token,
      );
      expect(res.errors).toBeUndefined();
    };
    // As a client whose first update was refused (too many requests) sends the next, then the
    // first again.
    const first = paragraphUpdate(sender, 'First three words');
    const second = paragraphUpdate(sender, 'then two');
    await apply(second);
    await apply(first);
    // And a third that builds on a fourth never sent.
    paragraphUpdate(sender, 'never sent');
    await apply(paragraphUpdate(sender, 'waits forever'));
    // Recorded in the order stored: once another's later edit is, those before it are too.
    await apply(paragraphUpdate(new Y.Doc(), 'Later'), other.token);
    const revisions = await waitFor(
      () => page(draftId),
      (p) => p.nodes.length === 2,
      10_000,
      'both authors’ revisions',
    );
    expect(revisions.nodes.map((r) => [r.author?.id, r.wordsInserted, r.edits])).toEqual([
      [other.id, 1, 1],
      [member.id, 5, 2],
    ]);
  });

  it('puts the ids the server gives paragraphs when they are first listed in no one’s revision', async () => {
    const draftId = await buildDraft(2);
    const author = await buildUser(t, [Role.DELEGATE], [2]);
    const reader = await buildUser(t, [Role.DELEGATE], [2]);
    // Written by a raw client, without paragraph ids.
    const res = await t.gql(
      'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }',
      {
        d: draftId,
        u: Buffer.from(paragraphUpdate(new Y.Doc(), 'One paragraph')).toString('base64'),
      },
      author.token,
    );
    expect(res.errors).toBeUndefined();
    const listed = await t.gql<{ draft: { paragraphs: { id: string }[] } }>(
      'query($d: ID!) { draft(id: $d) { paragraphs { id } } }',
      { d: draftId },
      reader.token,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.draft.paragraphs[0].id).toMatch(/\w{6,}/);
    // The ids were stored (as an update after the author's).
    const stored = await DraftUpdateModel.find({ draftId: new Types.ObjectId(draftId) })
      .sort({ seq: 1 })
      .lean();
    expect(stored.map((u) => u.userId?.toHexString() ?? null)).toEqual([author.id, null]);
    // Recorded in the order stored: once another's later edit is, the ids' update was too.
    const later = await t.gql(
      'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }',
      { d: draftId, u: Buffer.from(paragraphUpdate(new Y.Doc(), 'Later')).toString('base64') },
      chair,
    );
    expect(later.errors).toBeUndefined();
    const revisions = await waitFor(
      () => page(draftId),
      (p) => p.nodes.length >= 2,
      10_000,
      'the two authors’ revisions',
    );
    expect(revisions.nodes.map((r) => r.author?.id)).not.toContain(reader.id);
    expect(revisions.nodes).toHaveLength(2);
  });

  it('pages newest first with cursors, and refuses a bad page size or cursor with a code', async () => {
    const draftId = await buildDraft(4);
    const e = open(chair, draftId);
    await e.provider.whenSynced();
    addParagraph(e.doc, '');
    for (let i = 0; i < 5; i += 1) {
      paragraphText(e.doc, 0).insert(0, `w${i} `);
      await e.provider.whenAcknowledged();
      await createVersion(draftId);
    }
    const all = await page(draftId, { first: 100 });
    expect(all.nodes).toHaveLength(5);
    expect(all.hasMore).toBe(false);
    const starts = all.nodes.map((r) => new Date(r.startedAt).getTime());
    expect([...starts].sort((x, y) => y - x)).toEqual(starts);
    // One word each; the empty paragraph may travel with the first word's update or apart.
    expect(all.nodes.map((r) => r.wordsInserted)).toEqual([1, 1, 1, 1, 1]);

    const seen: string[] = [];
    let after: string | undefined;
    const sizes: number[] = [];
    for (;;) {
      const p = await page(draftId, { first: 2, ...(after ? { after } : {}) });
      seen.push(...p.nodes.map((r) => r.id));
      sizes.push(p.nodes.length);
      if (!p.hasMore) break;
      after = p.endCursor!;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(all.nodes.map((r) => r.id));
    expect((await page(draftId)).nodes).toHaveLength(5);

    const code = async (vars: Record<string, unknown>) => {
      const res = await t.gql(REVISIONS, { d: draftId, ...vars }, chair);
      return res.errors?.[0].extensions?.code;
    };
    expect(await code({ first: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ first: 101 })).toBe('BAD_USER_INPUT');
    expect(await code({ first: -3 })).toBe('BAD_USER_INPUT');
    expect(await code({ after: 'nope' })).toBe('BAD_USER_INPUT');
    expect(await code({ after: Buffer.from('12:zz').toString('base64url') })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code({ first: 100 })).toBeUndefined();
    expect((await t.gql(REVISIONS, { d: draftId })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
