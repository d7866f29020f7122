import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../core/document-blocks';
import { decisionUpdate, readProposals } from './proposal-document';

const FR = '0123456789abcdef01234567:france01';
const GB = '76543210fedcba9876543210:britain1';

/** A one-paragraph document set up by `marks`, as its stored state. */
function stateWith(text: string, marks: (t: Y.XmlText) => void): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText(text);
  p.insert(0, [t]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  marks(t);
  return Y.encodeStateAsUpdate(doc);
}

/** The paragraph after the update, and every format item the update writes. */
function decide(state: Uint8Array, markId: string, accept: boolean) {
  const update = decisionUpdate(state, markId, accept);
  if (!update) throw new Error('no update');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  Y.applyUpdate(doc, update);
  const t = (doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const written = Y.decodeUpdate(update)
    .structs.filter((s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentFormat)
    .map((s) => (s.content as Y.ContentFormat).value);
  return { delta: t.toDelta() as { insert: string; attributes?: object }[], written };
}

const plain = (delta: { insert: string }[]) => delta.map((d) => d.insert).join('');

describe('accepting and rejecting a proposal on the stored document', () => {
  const base = stateWith('The Committee shall review the reports.', (t) => {
    t.format(14, 5, { deletion: { id: FR } });
    t.insert(19, 'should', { insertion: { id: FR } });
    t.format(26, 6, { deletion: { id: GB } });
    t.insert(32, 'examine', { insertion: { id: GB } });
  });

  it('reads a replacement per delegation', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    expect(readProposals(doc).map((p) => [p.markId, p.kind, p.deleted, p.inserted])).toEqual([
      [FR, 'REPLACEMENT', 'shall', 'should'],
      [GB, 'REPLACEMENT', 'review', 'examine'],
    ]);
  });

  it.each([
    [true, 'The Committee should reviewexamine the reports.'],
    [false, 'The Committee shall reviewexamine the reports.'],
  ])('accept %s: exactly the text expected, the other proposal untouched', (accept, text) => {
    const { delta } = decide(base, FR, accept);
    expect(plain(delta)).toBe(text);
    expect(delta.filter((d) => d.attributes)).toEqual([
      { insert: 'review', attributes: { deletion: { id: GB } } },
      { insert: 'examine', attributes: { insertion: { id: GB } } },
    ]);
  });

  // Yjs's own format(…, null) restates the proposer's id next to another proposal's mark.
  it.each([
    ['after another delegation’s insertion', 'BB', 'FF'],
    ['before another delegation’s insertion', 'FF', 'BB'],
  ])('%s: writes no mark of anyone, only ends and deletions', (_what, first, second) => {
    const state = stateWith('Alpha gamma.', (t) => {
      t.insert(6, first, { insertion: { id: first === 'FF' ? FR : GB } });
      t.insert(8, second, { insertion: { id: second === 'FF' ? FR : GB } });
    });
    for (const accept of [true, false]) {
      const { delta, written } = decide(state, FR, accept);
      expect(written.every((v) => v === null)).toBe(true);
      expect(delta.filter((d) => d.attributes)).toEqual([
        { insert: 'BB', attributes: { insertion: { id: GB } } },
      ]);
      expect(plain(delta)).toBe(accept ? `Alpha ${first}${second}gamma.` : 'Alpha BBgamma.');
    }
  });

  // For the mark-authorship check (MARK_NOT_YOURS): this is what y-prosemirror sends when a
  // person types right after another delegation's insertion (its updateYText: insert, then
  // re-apply every run's attributes). The update leaves a live format item carrying France's id
  // that changes no character's marks: a check must judge what each character ends up carrying,
  // not which format items an update holds, or ordinary typing next to a proposal is refused.
  it('typing next to another delegation’s proposal, as y-prosemirror does it, restates their id without changing their words', () => {
    const france = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText('Alpha gamma.');
    p.insert(0, [t]);
    france.getXmlFragment(CONTENT_FIELD).push([p]);
    t.insert(6, 'BETA ', { insertion: { id: FR } });
    const uk = new Y.Doc();
    Y.applyUpdate(uk, Y.encodeStateAsUpdate(france));
    const before = Y.encodeStateVector(uk);
    const x = (uk.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const none = { insertion: null, deletion: null };
    uk.transact(() => {
      x.insert(11, 'X');
      x.applyDelta([
        { retain: 6, attributes: none },
        { retain: 5, attributes: { ...none, insertion: { id: FR } } },
        { retain: 1, attributes: { ...none, insertion: { id: GB } } },
        { retain: 6, attributes: none },
      ]);
    });
    const update = Y.encodeStateAsUpdate(uk, before);
    const written = Y.decodeUpdate(update)
      .structs.filter(
        (s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentFormat,
      )
      .map((s) => (s.content as Y.ContentFormat).value);
    expect(written).toContainEqual({ id: FR });
    // …yet France's words carry France's id as before, and only the new "X" is the UK's.
    expect(x.toDelta()).toEqual([
      { insert: 'Alpha ' },
      { insert: 'BETA ', attributes: { insertion: { id: FR } } },
      { insert: 'X', attributes: { insertion: { id: GB } } },
      { insert: 'gamma.' },
    ]);
  });
});
