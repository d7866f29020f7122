import * as Y from 'yjs';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR, readBlocks, readMarkedRuns } from './document-blocks';

function block(kind: string, pid: string | null, parts: [string, Record<string, unknown>?][]) {
  const el = new Y.XmlElement(kind);
  if (pid) el.setAttribute(PARAGRAPH_ID_ATTR, pid);
  const text = new Y.XmlText();
  el.insert(0, [text]);
  return { el, text, parts };
}

describe('reading the blocks and marks of a draft document', () => {
  it('numbers top-level paragraphs only, reads ids and plain text, and finds marked runs', () => {
    const doc = new Y.Doc();
    const root = doc.getXmlFragment(CONTENT_FIELD);
    const items = [
      block('heading', 'h1', [['Preamble']]),
      block('paragraph', 'p1', [
        ['Welcomes '],
        ['the report', { bold: true, bracket: { id: 'b1' } }],
      ]),
      block('paragraph', null, [
        ['Decides ', {}],
        ['to act', { 'insertion--abcdEFGH': { id: 7 } }],
      ]),
    ];
    root.insert(
      0,
      items.map((i) => i.el),
    );
    for (const { text, parts } of items) {
      let at = 0;
      for (const [s, attrs] of parts) {
        text.insert(at, s, attrs ?? {});
        at += s.length;
      }
    }
    const blocks = readBlocks(doc);
    expect(blocks.map((b) => [b.id, b.kind, b.number, b.text])).toEqual([
      ['h1', 'heading', null, 'Preamble'],
      ['p1', 'paragraph', 1, 'Welcomes the report'],
      [null, 'paragraph', 2, 'Decides to act'],
    ]);
    const runs = readMarkedRuns(doc, ['bracket', 'insertion']);
    expect(runs.map((r) => [r.mark, r.attrs, r.text, r.offset, r.block.number])).toEqual([
      ['bracket', { id: 'b1' }, 'the report', 9, 1],
      ['insertion', { id: 7 }, 'to act', 8, 2],
    ]);
  });
});
