import * as Y from 'yjs';
import type { LiveDraftUpdate, StoredDraftUpdates } from '../pubsub/topics';
import { EMPTY_UPDATE, SubscriberView } from './subscriber-view';
import { encodeUpdate } from './update-codec';

const draftId = 'd1';

/** A real Yjs update inserting the text, from a document of its own (one Yjs client each). */
function edit(text: string): string {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(0, text);
  return encodeUpdate(update);
}

const live = (origin: string, ticket: number, update: string): LiveDraftUpdate => ({
  kind: 'live',
  draftId,
  origin,
  ticket,
  update,
  clientId: `c${ticket}`,
  sender: 'connection-1',
});
const stored = (...entries: [string, number, number, string][]): StoredDraftUpdates => ({
  kind: 'stored',
  draftId,
  entries: entries.map(([origin, ticket, seq, update]) => ({
    origin,
    ticket,
    seq,
    update,
    clientId: `c${ticket}`,
  })),
});

function textOf(...updates: string[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, Buffer.from(u, 'base64'));
  return doc.getText('t').toString();
}

describe('what one subscriber of a draft is sent', () => {
  it('sends each live update once and a mark without bytes when every stored one was sent live', () => {
    const [a, b] = [edit('a'), edit('b')];
    const view = new SubscriberView();
    const liveA = live('i1', 1, a);
    expect(view.events(liveA)).toEqual([
      expect.objectContaining({ seq: 0, firstSeq: 0, durable: false, update: a }),
    ]);
    view.events(live('i1', 2, b));
    const [mark] = view.events(stored(['i1', 1, 7, a], ['i1', 2, 8, b]));
    expect(mark).toMatchObject({
      firstSeq: 7,
      seq: 8,
      durable: true,
      update: EMPTY_UPDATE,
      clientId: null,
    });
  });

  it('carries the bytes of stored updates accepted before it subscribed, and only those', () => {
    const [a, b] = [edit('early '), edit('later')];
    const view = new SubscriberView();
    // Ticket 1 was sent live before this subscriber listened; ticket 2 reached it.
    view.events(live('i1', 2, b));
    const [mark] = view.events(stored(['i1', 1, 3, a], ['i1', 2, 4, b]));
    expect(mark).toMatchObject({ firstSeq: 3, seq: 4 });
    expect(textOf(mark.update)).toBe('early ');
  });

  it('treats each instance on its own and splits a write with a gap into one mark per run of seqs', () => {
    const [a, b, c] = [edit('x'), edit('y'), edit('z')];
    const view = new SubscriberView();
    view.events(live('i2', 5, b));
    const marks = view.events(stored(['i1', 9, 1, a], ['i2', 5, 2, b], ['i1', 10, 4, c]));
    expect(marks.map((m) => [m.firstSeq, m.seq])).toEqual([
      [1, 2],
      [4, 4],
    ]);
    // Nothing from instance i1 came live: its updates travel in the marks.
    expect(textOf(marks[0].update)).toBe('x');
    expect(textOf(marks[1].update)).toBe('z');
  });

  it('shares one event object between subscribers sent the same thing, so one execution serves them', () => {
    const a = edit('shared');
    const [one, two] = [new SubscriberView(), new SubscriberView()];
    const payload = live('i1', 1, a);
    expect(one.events(payload)[0]).toBe(two.events(payload)[0]);
    const write = stored(['i1', 1, 1, a]);
    expect(one.events(write)[0]).toBe(two.events(write)[0]);
    const late = new SubscriberView();
    expect(late.events(write)[0]).not.toBe(one.events(write)[0]);
    expect(late.events(write)[0].update).toBe(a);
  });

  it('does not send an editor its own live update back, and its mark carries no bytes for it', () => {
    const a = edit('mine');
    const editor = new SubscriberView({ connectionId: 'connection-1', clientId: 'c1' });
    const sameDocElsewhere = new SubscriberView({ connectionId: 'connection-2', clientId: 'c1' });
    expect(editor.events(live('i1', 1, a))).toEqual([]);
    expect(sameDocElsewhere.events(live('i1', 1, a))).toHaveLength(1);
    const [mark] = editor.events(stored(['i1', 1, 1, a]));
    expect(mark).toMatchObject({ seq: 1, update: EMPTY_UPDATE });
  });
});
