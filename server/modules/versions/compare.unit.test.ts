import { Types } from 'mongoose';
import * as Y from 'yjs';
import { type Attribution, ChangeKind, compareTexts } from './compare';
import { CONTENT_FIELD, docOf, flattenDoc, restoreUpdate, textOfState } from './draft-text';

function block(name: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement(name);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

/** A document as TipTap writes one: paragraphs and headings with their text, made by `client`. */
function build(client: number, blocks: [string, string][]): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getXmlFragment(CONTENT_FIELD).insert(
    0,
    blocks.map(([name, text]) => block(name, text)),
  );
  return doc;
}

const alice = new Types.ObjectId();
const bob = new Types.ObjectId();
const nobody: Attribution = { insertedBy: () => null, deletedBy: () => null };

describe('compareTexts', () => {
  it('numbers paragraphs as the editor does (headings do not count), and keeps every character', () => {
    const from = build(1, [
      ['heading', 'Conclusions'],
      ['paragraph', 'The Committee notes the reports.'],
      ['paragraph', 'It welcomes the assistance.'],
    ]);
    const to = new Y.Doc();
    to.clientID = 2;
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
    const fragment = to.getXmlFragment(CONTENT_FIELD);
    ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(4, 'whole ');
    ((fragment.get(2) as Y.XmlElement).get(0) as Y.XmlText).delete(11, 15);
    fragment.push([block('paragraph', 'A new paragraph.')]);

    const a = flattenDoc(from);
    const b = flattenDoc(to);
    const changes = compareTexts(a, b, {
      insertedBy: (client) => (client === 2 ? alice : null),
      deletedBy: () => bob,
    });
    const notDeleted = changes.filter((c) => c.kind !== ChangeKind.DELETED).map((c) => c.text);
    const notInserted = changes.filter((c) => c.kind !== ChangeKind.INSERTED).map((c) => c.text);
    expect(notDeleted.join('')).toBe(b.text);
    expect(notInserted.join('')).toBe(a.text);
    const brief = changes
      .filter((c) => c.kind !== ChangeKind.UNCHANGED && c.text.trim() !== '')
      .map((c) => [c.kind, c.text.trim(), c.paragraph, c.authorIds]);
    expect(brief).toEqual([
      [ChangeKind.INSERTED, 'whole', 1, [alice]],
      [ChangeKind.DELETED, 'the assistance', 2, [bob]],
      [ChangeKind.INSERTED, 'A new paragraph.', 3, [alice]],
    ]);
    expect(changes[0]).toMatchObject({ kind: ChangeKind.UNCHANGED, paragraph: null });
  });

  it('finds nothing changed between equal texts', () => {
    const doc = build(1, [['paragraph', 'Same.']]);
    const changes = compareTexts(flattenDoc(doc), flattenDoc(doc), nobody);
    expect(changes).toEqual([
      { kind: ChangeKind.UNCHANGED, text: 'Same.', paragraph: 1, authorIds: [] },
    ]);
  });
});

describe('restoreUpdate', () => {
  it('makes the current content that of the version, keeping equal blocks at both ends', () => {
    const version = build(1, [
      ['paragraph', 'One.'],
      ['paragraph', 'Two.'],
      ['paragraph', 'Three.'],
    ]);
    const versionState = Y.encodeStateAsUpdate(version);
    const current = docOf(versionState);
    const fragment = current.getXmlFragment(CONTENT_FIELD);
    fragment.delete(1, 1);
    fragment.insert(1, [block('heading', 'Two changed'), block('paragraph', 'Extra.')]);
    const currentState = Y.encodeStateAsUpdate(current);
    const firstId = (fragment.get(0) as Y.XmlElement)._item?.id;

    const update = restoreUpdate(currentState, versionState);
    expect(update).not.toBeNull();
    // Applied where the current text lives (an editor, the server), it converges on the version.
    Y.applyUpdate(current, update as Uint8Array);
    expect(textOfState(Y.encodeStateAsUpdate(current))).toBe('One.\nTwo.\nThree.');
    expect(current.getXmlFragment(CONTENT_FIELD).toString()).toBe(
      version.getXmlFragment(CONTENT_FIELD).toString(),
    );
    // The first paragraph is the same Yjs item: its identity and authorship stay.
    expect((current.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement)._item?.id).toEqual(
      firstId,
    );
    expect(restoreUpdate(Y.encodeStateAsUpdate(current), versionState)).toBeNull();
  });
});
