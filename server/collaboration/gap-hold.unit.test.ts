import * as Y from 'yjs';
import { GapHold, gapOf } from './gap-hold';

/** A sender typing into its own copy: each call returns the update of one insert. */
function sender() {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  return (s: string): Uint8Array => {
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, s);
    return Y.encodeStateAsUpdate(doc, before);
  };
}

/** A document, and the tags of the updates applied to it, in order. */
function target<T>() {
  const doc = new Y.Doc();
  const applied: T[] = [];
  const apply = (update: Uint8Array, tag: T) => {
    Y.applyUpdate(doc, update);
    applied.push(tag);
  };
  return { doc, applied, apply };
}

describe('updates held until the text they build on comes', () => {
  it('holds an update past its sender’s clock out of the document, and applies it, in order, once the gap fills', () => {
    const type = sender();
    const first = type('One ');
    const second = type('two ');
    const third = type('three.');
    const { doc, applied, apply } = target<string>();
    const hold = new GapHold<string>();

    expect(gapOf(doc, third)).toEqual({ client: expect.any(Number), clock: 'One two '.length });
    expect(hold.offer(doc, third, 'third', apply)).toBe(false);
    expect(hold.offer(doc, second, 'second', apply)).toBe(false);
    // Yjs was never given them: nothing of theirs waits in the document's own pending updates.
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.getText('t').toString()).toBe('');
    expect(hold.size).toBe(2);
    expect(hold.lacking).toBe(true);

    expect(hold.offer(doc, first, 'first', apply)).toBe(true);
    expect(applied).toEqual(['first', 'second', 'third']);
    expect(doc.getText('t').toString()).toBe('One two three.');
    expect(hold.size).toBe(0);
    expect(hold.lacking).toBe(false);
  });

  it('applies an update with nothing missing at once, and one sent again changes nothing', () => {
    const type = sender();
    const { doc, applied, apply } = target<number>();
    const hold = new GapHold<number>();
    const a = type('Text');
    expect(hold.offer(doc, a, 1, apply)).toBe(true);
    expect(hold.offer(doc, a, 2, apply)).toBe(true);
    expect(applied).toEqual([1, 2]);
    expect(doc.getText('t').toString()).toBe('Text');
  });

  it('waits, once one sender’s gap fills, for the other sender’s in the same update', () => {
    const insert = (d: Y.Doc, s: string) => {
      const before = Y.encodeStateVector(d);
      d.getText('t').insert(0, s);
      return Y.encodeStateAsUpdate(d, before);
    };
    const a = new Y.Doc();
    const b = new Y.Doc();
    const [a1, a2, b1, b2] = [
      insert(a, 'A1 '),
      insert(a, 'A2 '),
      insert(b, 'B1 '),
      insert(b, 'B2 '),
    ];
    const both = Y.mergeUpdates([a2, b2]);
    const reference = new Y.Doc();
    for (const u of [a1, a2, b1, b2]) Y.applyUpdate(reference, u);

    // One of the two orders releases it under one sender and holds it again under the other.
    for (const [x, y] of [
      [a1, b1],
      [b1, a1],
    ]) {
      const { doc, applied, apply } = target<string>();
      const hold = new GapHold<string>();
      hold.offer(doc, both, 'both', apply);
      hold.offer(doc, x, 'x', apply);
      expect(applied).toEqual(['x']);
      expect(hold.size).toBe(1);
      hold.offer(doc, y, 'y', apply);
      expect(applied).toEqual(['x', 'y', 'both']);
      expect(doc.getText('t').toString()).toBe(reference.getText('t').toString());
      expect(doc.store.pendingStructs).toBeNull();
      expect(hold.lacking).toBe(false);
    }
  });

  it('keeps at most its limit, and says that the document lacks what it dropped', () => {
    const type = sender();
    const missing = type('never sent ');
    const later = Array.from({ length: 5 }, (_, i) => type(`w${i} `));
    const doc = new Y.Doc();
    const hold = new GapHold<number>(3);
    const apply = (u: Uint8Array) => Y.applyUpdate(doc, u);
    later.forEach((u, i) => {
      hold.offer(doc, u, i, apply);
    });
    expect(hold.size).toBe(3);
    expect(hold.dropped).toBe(true);
    hold.offer(doc, missing, -1, apply);
    expect(hold.lacking).toBe(true);
    // The first three came in: what was dropped is not in the document.
    expect(doc.getText('t').toString()).toBe('never sent w0 w1 w2 ');
  });
});
