import * as Y from 'yjs';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import { CONTENT_FIELD } from './document-state';
import { authoredMarkIds } from './mark-authorship';

const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/** The update a change to `doc` makes. */
function change(doc: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit();
  return Y.encodeStateAsUpdate(doc, before);
}

describe('proposals and brackets are made only in their author’s name', () => {
  let t: TestPlatform;
  let draftId: string;
  const people: Record<'delegate' | 'coordinator', { token: string; id: string }> = {
    delegate: { token: '', id: '' },
    coordinator: { token: '', id: '' },
  };
  beforeAll(async () => {
    t = await startTestPlatform();
    draftId = await draftOf(1);
    for (const who of ['delegate', 'coordinator'] as const) {
      const token = await t.login(`${who}@committee.test`);
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
      people[who] = { token, id: me.data!.me.id };
    }
  });
  afterAll(() => t.stop());

  const send = (update: Uint8Array, who: keyof typeof people) =>
    t.gql(APPLY, { d: draftId, u: b64(update) }, people[who].token);
  const storedText = async () => {
    const res = await t.gql<{ draft: { state: string; seq: number } }>(
      'query($d: ID!) { draft(id: $d) { state seq } }',
      { d: draftId },
      people.delegate.token,
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(res.data!.draft.state, 'base64'));
    return { doc, seq: res.data!.draft.seq };
  };

  it('accepts a mark in one’s own name, refuses one in another’s, and lets others type beside it', async () => {
    const { doc } = await storedText();
    const text = new Y.XmlText();
    const added = change(doc, () => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      doc.getXmlFragment(CONTENT_FIELD).push([p]);
      text.insert(0, 'Decides to remain seized of the matter.');
    });
    expect((await send(added, 'delegate')).errors).toBeUndefined();

    const mine = `${people.delegate.id}:b1a2c3d4`;
    const bracket = change(doc, () =>
      text.format(0, 7, { bracket: { id: mine, alternatives: '["Agrees"]' } }),
    );
    expect((await send(bracket, 'delegate')).errors).toBeUndefined();

    // The coordinator tries to bracket in the delegate's name, then with an id that is no one's.
    const before = await storedText();
    for (const id of [`${people.delegate.id}:forged01`, 'forged02', '']) {
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(doc));
      const ftext = (
        forged
          .getXmlFragment(CONTENT_FIELD)
          .get(forged.getXmlFragment(CONTENT_FIELD).length - 1) as Y.XmlElement
      ).get(0) as Y.XmlText;
      const res = await send(
        change(forged, () => ftext.format(11, 6, { insertion: { id } })),
        'coordinator',
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('MARK_NOT_YOURS');
    }
    const after = await storedText();
    expect(after.seq).toBe(before.seq);

    // Typing unbracketed words inside the bracket: Yjs ends the mark before them and sets it
    // again after them, in the delegate's name but sent by the coordinator. That names nobody
    // new (the id is the draft's already) and is accepted.
    const typed = change(doc, () => text.insert(3, 'XY', { bracket: null }));
    expect(authoredMarkIds(typed)).toEqual([mine]);
    expect((await send(typed, 'coordinator')).errors).toBeUndefined();
    // And a proposal in one's own name is accepted.
    const proposal = change(doc, () =>
      text.format(0, 7, { insertion: { id: `${people.coordinator.id}:p0000001` } }),
    );
    expect((await send(proposal, 'coordinator')).errors).toBeUndefined();
  });
});
