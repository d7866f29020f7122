import * as Y from 'yjs';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../core/document-blocks';
import { pidOf, UNRESOLVED, UpdateTouch } from './paragraph-touch';

function paragraph(pid: string, text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.setAttribute(PARAGRAPH_ID_ATTR, pid);
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** The server's document and a client's copy of it. */
function pair(count = 3): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  server
    .getXmlFragment(CONTENT_FIELD)
    .push(Array.from({ length: count }, (_, i) => paragraph(`p${i}`, `Paragraph ${i} text.`)));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update a change on the client makes, as an editor sends it (its transaction's update). */
function edit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (u: Uint8Array) => updates.push(u);
  doc.on('update', capture);
  doc.transact(() => change(doc.getXmlFragment(CONTENT_FIELD)));
  doc.off('update', capture);
  return Y.mergeUpdates(updates);
}

const textOf = (f: Y.XmlFragment, i: number) => (f.get(i) as Y.XmlElement).get(0) as Y.XmlText;

function touched(server: Y.Doc, update: Uint8Array): string[] | typeof UNRESOLVED {
  const blocks = new UpdateTouch(server, update).blocks();
  return blocks === UNRESOLVED ? UNRESOLVED : [...blocks].map((b) => pidOf(b) ?? '?').sort();
}

describe('which paragraphs an update changes', () => {
  it('names the paragraph typed into, formatted, deleted from, or whose attribute is set', () => {
    const { server, client } = pair();
    expect(
      touched(
        server,
        edit(client, (f) => textOf(f, 1).insert(3, 'xyz')),
      ),
    ).toEqual(['p1']);
    expect(
      touched(
        server,
        edit(client, (f) => textOf(f, 2).format(0, 4, { bold: true })),
      ),
    ).toEqual(['p2']);
    expect(
      touched(
        server,
        edit(client, (f) => textOf(f, 0).delete(0, 5)),
      ),
    ).toEqual(['p0']);
    expect(
      touched(
        server,
        edit(client, (f) => (f.get(1) as Y.XmlElement).setAttribute('pid', 'x')),
      ),
    ).toEqual(['p1']);
  });

  it('names a paragraph deleted whole, and both ends of a deletion across paragraphs', () => {
    const { server, client } = pair();
    expect(
      touched(
        server,
        edit(client, (f) => f.delete(1, 1)),
      ),
    ).toEqual(['p1']);
    const { server: s2, client: c2 } = pair();
    const across = edit(c2, (f) => {
      textOf(f, 0).delete(5, 10);
      f.delete(1, 1);
      textOf(f, 1).delete(0, 3);
    });
    expect(touched(s2, across)).toEqual(['p0', 'p1', 'p2']);
  });

  it('names none for a new paragraph between others, with its text, even typed into later', () => {
    const { server, client } = pair();
    const insert = edit(client, (f) => f.insert(1, [paragraph('new', 'A new paragraph.')]));
    expect(touched(server, insert)).toEqual([]);
    Y.applyUpdate(server, insert);
    expect(
      touched(
        server,
        edit(client, (f) => textOf(f, 1).insert(0, 'More. ')),
      ),
    ).toEqual(['new']);
    // An update typed after one the server has not seen: the new paragraph's text is reached
    // through its parent in the update itself.
    const { server: s2, client: c2 } = pair();
    const both = Y.mergeUpdates([
      edit(c2, (f) => f.insert(2, [paragraph('n2', 'Second new.')])),
      edit(c2, (f) => textOf(f, 2).insert(0, 'Typed. ')),
    ]);
    expect(touched(s2, both)).toEqual([]);
  });

  it('cannot place an update built on text it has not seen', () => {
    const { server, client } = pair();
    edit(client, (f) => textOf(f, 1).insert(0, 'unseen '));
    const next = edit(client, (f) => textOf(f, 1).insert(3, 'after'));
    expect(touched(server, next)).toBe(UNRESOLVED);
    const deleting = edit(client, (f) => textOf(f, 1).delete(0, 7));
    expect(touched(server, deleting)).toBe(UNRESOLVED);
  });

  it('prints what a check costs per keystroke on a 200-paragraph draft (a figure, not an assertion)', () => {
    const { server, client } = pair(200);
    const updates: Uint8Array[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const at = (i * 37) % 200;
      updates.push(
        edit(client, (f) =>
          i % 3 === 2 ? textOf(f, at).delete(0, 1) : textOf(f, at).insert(3, 'a'),
        ),
      );
    }
    let checking = 0;
    let applying = 0;
    for (const u of updates) {
      const started = performance.now();
      const blocks = new UpdateTouch(server, u).blocks();
      const checked = performance.now();
      Y.applyUpdate(server, u);
      checking += checked - started;
      applying += performance.now() - checked;
      if (blocks === UNRESOLVED || blocks.size !== 1)
        throw new Error('one paragraph per keystroke');
    }
    const check = (checking * 1000) / updates.length;
    const apply = (applying * 1000) / updates.length;
    console.log(
      `paragraph lock on 200 paragraphs, per keystroke: check ${check.toFixed(1)} µs (decode, map to blocks), keeping the document ${apply.toFixed(1)} µs (apply)`,
    );
    expect(
      touched(
        server,
        edit(client, (f) => textOf(f, 0).insert(0, 'x')),
      ),
    ).toEqual(['p0']);
  });
});
