import { Types } from 'mongoose';
import * as Y from 'yjs';
import { addParagraph, connectEditor, Editor, until } from '../../../test/helpers/editors';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { DraftUpdateModel } from '../../collaboration/update.model';
import { Role } from '../users/role';
import { DraftVisitModel } from './visit.model';

interface Change {
  kind: 'INSERTED' | 'DELETED' | 'UNCHANGED';
  text: string;
  authors: { id: string }[];
}

const SEEN = 'mutation($d: ID!) { markDraftSeen(draftId: $d) }';
const COUNT = 'query($d: ID!) { draft(id: $d) { changesSinceMyLastVisit myLastVisitAt } }';
const SINCE = `query($d: ID!) {
  compareDraftSinceMyLastVisit(draftId: $d) { changes { kind text authors { id } } }
}`;

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const p = doc.getXmlFragment(CONTENT_FIELD).get(index) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

describe('changes since my last visit', () => {
  let t: TestPlatform;
  const editors: Editor[] = [];
  const open = (token: string, draftId: string) => {
    const e = connectEditor(t.url, token, draftId);
    editors.push(e);
    return e;
  };

  beforeAll(async () => {
    // Large: compaction happens only when a test asks for it.
    t = await startTestPlatform({ COMPACT_EVERY: '100000' });
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  const seen = async (draftId: string, token: string) => {
    const res = await t.gql(SEEN, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ markDraftSeen: true });
  };
  const count = async (draftId: string, token: string) => {
    const res = await t.gql<{
      draft: { changesSinceMyLastVisit: number | null; myLastVisitAt: string | null };
    }>(COUNT, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.draft.changesSinceMyLastVisit;
  };
  const since = async (draftId: string, token: string) => {
    const res = await t.gql<{ compareDraftSinceMyLastVisit: { changes: Change[] } }>(
      SINCE,
      { d: draftId },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.compareDraftSinceMyLastVisit.changes;
  };

  it("counts others' edits since a visit, shows them, survives compaction, and starts again at the next visit", async () => {
    const draftId = await buildDraft(1);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => buildUser(t, [Role.DELEGATE], [1])));
    const eb = open(b.token, draftId);
    await eb.provider.whenSynced();
    for (const text of ['One.', 'Two.', 'Three.']) {
      addParagraph(eb.doc, text);
      await eb.provider.whenAcknowledged();
    }

    // Never visited: null, and nothing to compare with.
    expect(await count(draftId, a.token)).toBeNull();
    const none = await t.gql(SINCE, { d: draftId }, a.token);
    expect(none.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    await seen(draftId, a.token);
    expect(await count(draftId, a.token)).toBe(0);
    expect((await since(draftId, a.token)).every((ch) => ch.kind === 'UNCHANGED')).toBe(true);

    // B edits three times, each stored as its own update.
    for (const [i, word] of [' alpha', ' beta', ' gamma'].entries()) {
      const p = paragraphText(eb.doc, i);
      p.insert(p.length, word);
      await eb.provider.whenAcknowledged();
    }
    // A's own edit does not count.
    const ea = open(a.token, draftId);
    await ea.provider.whenSynced();
    await until(() => paragraphText(ea.doc, 2)?.toString() === 'Three. gamma');
    const first = paragraphText(ea.doc, 0);
    first.insert(0, 'Mine: ');
    await ea.provider.whenAcknowledged();

    const check = async () => {
      expect(await count(draftId, a.token)).toBe(3);
      const changes = await since(draftId, a.token);
      const inserted = changes.filter((ch) => ch.kind === 'INSERTED');
      expect(inserted.map((ch) => ch.text)).toEqual(['Mine: ', ' alpha', ' beta', ' gamma']);
      for (const ch of inserted.slice(1)) expect(ch.authors.map((x) => x.id)).toEqual([b.id]);
      expect(inserted[0].authors.map((x) => x.id)).toEqual([a.id]);
      // B's own view: B never visited; C's neither; nobody sees A's visit.
      expect(await count(draftId, b.token)).toBeNull();
      expect(await count(draftId, c.token)).toBeNull();
    };
    await check();

    // Compaction merges the log (and who sent each update) into the snapshot: still 3, still shown.
    const id = new Types.ObjectId(draftId);
    await t.platform.app.collab.compact(id);
    expect(await DraftUpdateModel.countDocuments({ draftId: id })).toBe(0);
    await check();

    // The next visit starts again from there.
    await seen(draftId, a.token);
    expect(await count(draftId, a.token)).toBe(0);
    const p = paragraphText(eb.doc, 1);
    p.insert(p.length, ' delta');
    await eb.provider.whenAcknowledged();
    expect(await count(draftId, a.token)).toBe(1);
    expect(
      (await since(draftId, a.token)).filter((ch) => ch.kind === 'INSERTED').map((ch) => ch.text),
    ).toEqual([' delta']);
    expect(await DraftVisitModel.countDocuments({ draftId: id })).toBe(1);
    // The dashboard's list reads every card's count (one read of the visits for all of them).
    const list = await t.gql<{ drafts: { id: string; changesSinceMyLastVisit: number | null }[] }>(
      '{ drafts { id changesSinceMyLastVisit } }',
      {},
      a.token,
    );
    expect(list.errors).toBeUndefined();
    const counts = new Map(list.data!.drafts.map((d) => [d.id, d.changesSinceMyLastVisit]));
    expect(counts.get(draftId)).toBe(1);
    expect([...counts].filter(([d]) => d !== draftId).every(([, n]) => n === null)).toBe(true);
  });

  it('refuses bad ids, unknown drafts and the signed out, with codes', async () => {
    const draftId = await buildDraft(2);
    const a = await buildUser(t, [Role.OBSERVER]);
    const bad = await t.gql(SEEN, { d: 'nope' }, a.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(SEEN, { d: new Types.ObjectId().toHexString() }, a.token);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = await t.gql(SEEN, { d: draftId });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const anonymousCompare = await t.gql(SINCE, { d: draftId });
    expect(anonymousCompare.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await DraftVisitModel.countDocuments({ draftId: new Types.ObjectId(draftId) })).toBe(0);
    // Anyone signed in may read a draft, so may record their own visit; twice at once is one visit.
    await Promise.all([seen(draftId, a.token), seen(draftId, a.token)]);
    expect(await DraftVisitModel.countDocuments({ draftId: new Types.ObjectId(draftId) })).toBe(1);
    expect(await count(draftId, a.token)).toBe(0);
  });
});
