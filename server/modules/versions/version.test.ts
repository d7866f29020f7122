import { Types } from 'mongoose';
import * as Y from 'yjs';
import { addParagraph, connectEditor, Editor, until } from '../../../test/helpers/editors';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { waitFor } from '../../../test/helpers/wait';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { DraftHistoryProgressModel } from '../../collaboration/history-progress.model';
import { DraftSnapshotModel } from '../../collaboration/snapshot.model';
import { DraftUpdateModel } from '../../collaboration/update.model';
import { Role } from '../users/role';
import { DraftAuthorModel, DraftDeletionModel } from './attribution.model';
import { DraftVersionModel } from './version.model';

interface Change {
  kind: 'INSERTED' | 'DELETED' | 'UNCHANGED';
  text: string;
  paragraph: number | null;
  authors: { id: string; name: string; delegation: { name: string } | null }[];
}

const CREATE = `mutation($d: ID!, $l: String) {
  createDraftVersion(draftId: $d, label: $l) { id number name label text seq createdBy { name } }
}`;
const VERSIONS = `query($d: ID!) { draft(id: $d) { text versions { id number label text createdBy { name } } } }`;
const COMPARE = `query($d: ID!, $f: ID, $t: ID) {
  compareDraft(draftId: $d, from: $f, to: $t) { changes { kind text paragraph authors { id name delegation { name } } } }
}`;
const RESTORE = `mutation($v: ID!) { restoreDraftVersion(versionId: $v) { id } }`;

/** The text of each paragraph of an editor's document, one a line, as the server's `text`. */
function textOf(doc: Y.Doc): string {
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
    )
    .join('\n');
}

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const p = doc.getXmlFragment(CONTENT_FIELD).get(index) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

describe('draft versions, comparison, attribution and restore', () => {
  let t: TestPlatform;
  let chair: string;
  const editors: Editor[] = [];
  const open = (token: string, draftId: string) => {
    const e = connectEditor(t.url, token, draftId);
    editors.push(e);
    return e;
  };

  beforeAll(async () => {
    // Small, so that every test here compacts its draft's log several times.
    t = await startTestPlatform({ COMPACT_EVERY: '10' });
    chair = await t.login('chair@committee.test');
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  const compare = async (draftId: string, from: string | null, to: string | null) => {
    const res = await t.gql<{ compareDraft: { changes: Change[] } }>(
      COMPARE,
      { d: draftId, f: from, t: to },
      chair,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.compareDraft.changes;
  };
  const createVersion = async (draftId: string, label: string | null = null, token = chair) => {
    const res = await t.gql(CREATE, { d: draftId, l: label }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.createDraftVersion as {
      id: string;
      number: number;
      text: string;
      name: string;
    };
  };

  it('names the author of every insertion while three people type at once, and who deleted what, also after compaction and a restart', async () => {
    const draftId = await buildDraft(1);
    const people = await Promise.all([1, 2, 3].map(() => buildUser(t, [Role.DELEGATE], [1])));
    const [a, b, c] = people.map((p) => open(p.token, draftId));
    await Promise.all([a, b, c].map((e) => e.provider.whenSynced()));
    addParagraph(a.doc, 'Base text that stays and words to remove.');
    await a.provider.whenAcknowledged();
    const base = await createVersion(draftId, 'Zero draft');
    expect(base).toMatchObject({
      number: 1,
      name: 'Rev.1',
      text: 'Base text that stays and words to remove.',
    });

    // Each has a paragraph of their own, and all three type into theirs at the same time.
    for (const [i, e] of [a, b, c].entries()) {
      await until(() => e.doc.getXmlFragment(CONTENT_FIELD).length >= 1 + i);
      addParagraph(e.doc, '');
      await e.provider.whenAcknowledged();
    }
    await until(() => [a, b, c].every((e) => e.doc.getXmlFragment(CONTENT_FIELD).length === 4));
    for (let round = 0; round < 6; round += 1) {
      for (const [i, e] of [a, b, c].entries()) {
        const text = paragraphText(e.doc, i + 1);
        text.insert(text.length, `${'abc'[i]}${round} `);
      }
      await new Promise((r) => setImmediate(r));
    }
    // b removes "words to remove." from the base paragraph.
    const first = paragraphText(b.doc, 0);
    first.delete(first.toString().indexOf(' and words'), ' and words to remove'.length);
    await Promise.all([a, b, c].map((e) => e.provider.whenAcknowledged()));
    await until(() => textOf(a.doc) === textOf(b.doc) && textOf(b.doc) === textOf(c.doc));

    const check = async () => {
      const changes = await compare(draftId, base.id, null);
      const inserted = changes.filter((ch) => ch.kind === 'INSERTED' && /[abc]\d/.test(ch.text));
      expect(inserted.length).toBeGreaterThan(0);
      for (const ch of inserted) {
        const who = [...new Set(ch.text.match(/[abc](?=\d)/g) ?? [])].map(
          (l) => people['abc'.indexOf(l)].id,
        );
        expect(ch.authors.map((x) => x.id).sort()).toEqual(who.sort());
      }
      for (const [i, letter] of ['a', 'b', 'c'].entries()) {
        const typed = inserted.filter((ch) => ch.text.includes(`${letter}0`));
        expect(typed.map((ch) => ch.paragraph)).toEqual([i + 2]);
      }
      const deleted = changes.filter((ch) => ch.kind === 'DELETED');
      expect(deleted.map((ch) => ch.text).join('')).toBe(' and words to remove');
      for (const ch of deleted) expect(ch.authors.map((x) => x.id)).toEqual([people[1].id]);
      expect(
        changes
          .filter((ch) => ch.kind !== 'DELETED')
          .map((ch) => ch.text)
          .join(''),
      ).toBe(textOf(a.doc));
    };
    await check();

    // The log was compacted: the senders of the updates are gone from it, the authors are not.
    const id = new Types.ObjectId(draftId);
    await t.platform.app.collab.compact(id);
    await t.platform.app.collab.compact(id);
    expect(await DraftSnapshotModel.exists({ _id: id })).not.toBeNull();
    expect(await DraftUpdateModel.countDocuments({ draftId: id })).toBe(0);
    await check();
    await t.restart();
    await check();
  });

  it('recovers who wrote and deleted what when a crash kept it from being recorded, before compaction deletes the log', async () => {
    const draftId = await buildDraft(1);
    const person = await buildUser(t, [Role.DELEGATE], [1]);
    const e = open(person.token, draftId);
    await e.provider.whenSynced();
    addParagraph(e.doc, 'Kept and dropped.');
    await e.provider.whenAcknowledged();
    const v1 = await createVersion(draftId);
    const text = paragraphText(e.doc, 0);
    text.delete(4, ' and dropped'.length);
    text.insert(text.length, ' Added.');
    await e.provider.whenAcknowledged();
    await e.close();
    const id = new Types.ObjectId(draftId);
    // As if the server had died between storing these updates and recording their authors (and
    // the progress written with the records).
    await compare(draftId, v1.id, null);
    await DraftAuthorModel.deleteMany({ draftId: id });
    await DraftDeletionModel.deleteMany({ draftId: id });
    await DraftHistoryProgressModel.deleteMany({ _id: id });
    await t.restart();
    // Compacted before anything read the draft: the compaction records them from the log first.
    await t.platform.app.collab.compact(id);
    expect(await DraftUpdateModel.countDocuments({ draftId: id })).toBe(0);
    const changes = (await compare(draftId, v1.id, null)).filter((c) => c.kind !== 'UNCHANGED');
    expect(new Set(changes.map((c) => c.kind))).toEqual(new Set(['INSERTED', 'DELETED']));
    expect(
      changes
        .filter((c) => c.kind === 'DELETED')
        .map((c) => c.text)
        .join(''),
    ).toMatch(/dropped/);
    for (const c of changes) expect(c.authors.map((x) => x.id)).toEqual([person.id]);
  });

  it('keeps a version frozen while editing goes on, numbers versions apart under concurrent creation, and freezes the adopted text', async () => {
    const draftId = await buildDraft(2);
    const e = open(chair, draftId);
    await e.provider.whenSynced();
    addParagraph(e.doc, 'First words.');
    await e.provider.whenAcknowledged();
    const v1 = await createVersion(draftId, '  Chair’s text  ');
    paragraphText(e.doc, 0).insert(0, 'Later ');
    addParagraph(e.doc, 'More.');
    await e.provider.whenAcknowledged();

    const concurrent = await Promise.all([1, 2, 3, 4, 5].map(() => createVersion(draftId)));
    expect(concurrent.map((v) => v.number).sort()).toEqual([2, 3, 4, 5, 6]);
    const res = await t.gql(VERSIONS, { d: draftId }, chair);
    const versions = res.data!.draft.versions as {
      number: number;
      label: string | null;
      text: string;
    }[];
    expect(versions[0]).toMatchObject({ number: 1, label: 'Chair’s text', text: 'First words.' });
    expect(versions.slice(1).every((v) => v.text === 'Later First words.\nMore.')).toBe(true);
    const changes = await compare(draftId, v1.id, null);
    expect(
      changes
        .filter((c) => c.kind === 'INSERTED')
        .map((c) => c.text)
        .join(''),
    ).toBe('Later \nMore.');

    // An author is named with their delegation.
    const france = open(await t.login('delegate@committee.test'), draftId);
    await france.provider.whenSynced();
    addParagraph(france.doc, 'Proposed by France.');
    await france.provider.whenAcknowledged();
    const proposed = (await compare(draftId, concurrent[0].id, null)).filter(
      (c) => c.kind === 'INSERTED' && c.text.includes('France'),
    );
    expect(proposed.map((c) => [c.paragraph, c.authors.map((x) => x.delegation?.name)])).toEqual([
      [3, [expect.stringMatching(/France/)]],
    ]);
    await until(() => textOf(e.doc).endsWith('Proposed by France.'));
    paragraphText(e.doc, 2).delete(0, 'Proposed by France.'.length);
    e.doc.getXmlFragment(CONTENT_FIELD).delete(2, 1);
    await e.provider.whenAcknowledged();

    // Everyone signed in reads them.
    const observer = await t.login('observer@committee.test');
    expect((await t.gql(VERSIONS, { d: draftId }, observer)).data!.draft.versions).toHaveLength(6);

    const adopted = await t.gql(
      'mutation($d: ID!) { setDraftStatus(id: $d, status: ADOPTED) { status } }',
      { d: draftId },
      chair,
    );
    expect(adopted.errors).toBeUndefined();
    const after = await waitFor(
      async () => (await t.gql(VERSIONS, { d: draftId }, chair)).data!.draft.versions,
      (vs: { label: string | null }[]) => vs.length === 7,
      10_000,
      'the adopted text frozen',
    );
    expect(after[6]).toMatchObject({
      number: 7,
      label: 'Adopted text',
      text: 'Later First words.\nMore.',
      createdBy: { name: expect.any(String) },
    });
    // The platform's own label reads in the reader's language; people's labels stay as typed.
    const french = await t.gql(
      'query($d: ID!) { draft(id: $d) { versions { number label(lang: FR) } } }',
      { d: draftId },
      chair,
    );
    const labels = french.data!.draft.versions as { number: number; label: string | null }[];
    expect(labels.find((v) => v.number === 7)!.label).toBe('Texte adopté');
    // Adopted: its text can no longer be changed by a restore either.
    const locked = await t.gql(RESTORE, { v: v1.id }, chair);
    expect(locked.errors?.[0].extensions?.code).toBe('DRAFT_LOCKED');
  });

  it('restores a version as a new change: open editors and the server converge on its text', async () => {
    const draftId = await buildDraft(3);
    const member = await buildUser(t, [Role.DELEGATE], [3]);
    const a = open(member.token, draftId);
    const b = open(chair, draftId);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
    addParagraph(a.doc, 'One.');
    addParagraph(a.doc, 'Two.');
    addParagraph(a.doc, 'Three.');
    await a.provider.whenAcknowledged();
    const v1 = await createVersion(draftId, 'Zero draft');
    paragraphText(a.doc, 1).insert(0, 'Changed ');
    a.doc.getXmlFragment(CONTENT_FIELD).delete(2, 1);
    addParagraph(a.doc, 'Four.');
    await a.provider.whenAcknowledged();
    await until(() => textOf(b.doc) === 'One.\nChanged Two.\nFour.');
    const v2 = await createVersion(draftId);

    const res = await t.gql(RESTORE, { v: v1.id }, chair);
    expect(res.errors).toBeUndefined();
    for (const e of [a, b])
      await until(
        () => textOf(e.doc) === 'One.\nTwo.\nThree.',
        10_000,
        'restored text in an editor',
      );
    const draft = await t.gql(VERSIONS, { d: draftId }, chair);
    expect(draft.data!.draft.text).toBe('One.\nTwo.\nThree.');
    // Editing goes on from the restored text, and the history is intact.
    paragraphText(a.doc, 0).insert(0, 'Still ');
    await a.provider.whenAcknowledged();
    await until(() => textOf(b.doc) === 'Still One.\nTwo.\nThree.');
    expect(draft.data!.draft.versions.map((v: { text: string }) => v.text)).toEqual([
      'One.\nTwo.\nThree.',
      'One.\nChanged Two.\nFour.',
    ]);
    // What the restore put back is the restorer's; the untouched first paragraph keeps its author.
    const changes = await compare(draftId, v2.id, null);
    const inserted = changes.filter((c) => c.kind === 'INSERTED' && c.text.trim() !== '');
    const chairId = (await t.gql('{ me { id } }', {}, chair)).data?.me?.id;
    expect(inserted.find((c) => c.text.includes('Three'))!.authors.map((x) => x.id)).toEqual([
      chairId,
    ]);
    expect(inserted.find((c) => c.text.includes('Still'))!.authors.map((x) => x.id)).toEqual([
      member.id,
    ]);
  });

  it('refuses bad input with a code and changes nothing', async () => {
    const draftId = await buildDraft(4);
    const other = await buildDraft(4);
    const e = open(chair, draftId);
    await e.provider.whenSynced();
    addParagraph(e.doc, 'Text.');
    await e.provider.whenAcknowledged();
    const v1 = await createVersion(draftId);
    const foreign = await createVersion(other);
    const observer = await t.login('observer@committee.test');
    const delegate = (await buildUser(t, [Role.DELEGATE], [4])).token;
    const unknown = new Types.ObjectId().toHexString();
    const count = () => DraftVersionModel.countDocuments({});
    const before = await count();
    const code = async (query: string, vars: Record<string, unknown>, token = chair) =>
      (await t.gql(query, vars, token)).errors?.[0].extensions?.code;

    expect(await code(COMPARE, { d: draftId, f: unknown, t: null })).toBe('NOT_FOUND');
    expect(await code(COMPARE, { d: draftId, f: foreign.id, t: null })).toBe('BAD_USER_INPUT');
    expect(await code(COMPARE, { d: draftId, f: v1.id, t: v1.id })).toBe('BAD_USER_INPUT');
    expect(await code(COMPARE, { d: draftId, f: null, t: null })).toBe('BAD_USER_INPUT');
    expect(await code(COMPARE, { d: draftId, f: 'nope', t: null })).toBe('BAD_USER_INPUT');
    expect(await code(RESTORE, { v: unknown })).toBe('NOT_FOUND');
    expect(await code(RESTORE, { v: v1.id }, observer)).toBe('FORBIDDEN');
    expect(await code(RESTORE, { v: v1.id }, delegate)).toBe('FORBIDDEN');
    expect(await code(CREATE, { d: draftId, l: null }, observer)).toBe('FORBIDDEN');
    expect(await code(CREATE, { d: draftId, l: null }, delegate)).toBe('FORBIDDEN');
    expect(await code(CREATE, { d: draftId, l: 'x'.repeat(121) })).toBe('BAD_USER_INPUT');
    expect(await code(CREATE, { d: unknown, l: null })).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
    expect((await t.gql(VERSIONS, { d: draftId }, chair)).data!.draft.text).toBe('Text.');
    // Reading is for everyone signed in, and nobody else.
    expect(await code(COMPARE, { d: draftId, f: v1.id, t: null }, observer)).toBeUndefined();
    expect(
      (await t.gql(COMPARE, { d: draftId, f: v1.id, t: null })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });
});
