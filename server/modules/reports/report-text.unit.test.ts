import * as Y from 'yjs';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR, readBlocks } from '../../core/document-blocks';
import { compileUpdate, sectionBlocks, takeInUpdate } from './report-text';

function stateOf(build: (fragment: Y.XmlFragment) => void): Uint8Array {
  const doc = new Y.Doc();
  build(doc.getXmlFragment(CONTENT_FIELD));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

function paragraph(text: string, marks: Record<string, unknown> = {}): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, marks);
  p.insert(0, [t]);
  return p;
}

function listOf(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    items.map((s) => {
      const li = new Y.XmlElement('listItem');
      li.insert(0, [paragraph(s)]);
      return li;
    }),
  );
  return list;
}

const texts = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const out = readBlocks(doc).map((b) => `${b.kind}:${b.text}`);
  doc.destroy();
  return out;
};

describe('the report’s text', () => {
  const a = stateOf((f) => f.push([paragraph('A one.'), listOf(['a', 'b'])]));
  const b = stateOf((f) =>
    f.push([paragraph('B one.', { insertion: { id: 'u:1' } }), paragraph('B two.')]),
  );

  it('puts each section under its heading, leaving undecided insertions out', () => {
    const update = compileUpdate([
      { heading: 'A', headingId: 'h-a', state: a },
      { heading: 'B', headingId: 'h-b', state: b },
    ]);
    expect(texts(update)).toEqual([
      'heading:A',
      'paragraph:A one.',
      'bulletList:a\nb',
      'heading:B',
      'paragraph:',
      'paragraph:B two.',
    ]);
    expect(sectionBlocks(b)[0]).toMatchObject({ kind: 'paragraph', runs: [] });
  });

  it('replaces one section’s blocks, the last one too, and keeps the others and what was added to them', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      compileUpdate([
        { heading: 'A', headingId: 'h-a', state: a },
        { heading: 'B', headingId: 'h-b', state: b },
      ]),
    );
    // Someone adds a paragraph to section A in the report.
    doc.getXmlFragment(CONTENT_FIELD).insert(3, [paragraph('Added in A.')]);
    const newer = stateOf((f) => f.push([paragraph('B rewritten.')]));
    const update = takeInUpdate(
      Y.encodeStateAsUpdate(doc),
      { heading: 'B', headingId: 'h-b', state: newer },
      ['h-a', 'h-b'],
    );
    expect(update).not.toBeNull();
    Y.applyUpdate(doc, update as Uint8Array);
    expect(texts(Y.encodeStateAsUpdate(doc))).toEqual([
      'heading:A',
      'paragraph:A one.',
      'bulletList:a\nb',
      'paragraph:Added in A.',
      'heading:B',
      'paragraph:B rewritten.',
    ]);
    // The heading is the same block (its id and whatever was written in it stay).
    const heading = doc.getXmlFragment(CONTENT_FIELD).get(4) as Y.XmlElement;
    expect(heading.getAttribute(PARAGRAPH_ID_ATTR)).toBe('h-b');
    // A section whose heading is gone cannot be found.
    expect(
      takeInUpdate(Y.encodeStateAsUpdate(doc), { heading: 'C', headingId: 'h-c', state: newer }, [
        'h-a',
        'h-b',
        'h-c',
      ]),
    ).toBeNull();
    doc.destroy();
  });
});
