import * as Y from 'yjs';
import { decodedUpdate } from './update-codec';

export interface WordChange {
  wordsInserted: number;
  wordsDeleted: number;
  /** False when the update brought nothing the document did not have (a resend). */
  changed: boolean;
  /**
   * The update builds on changes the document lacks (stored by another instance): it waits in
   * the document unapplied, and the document should be read again from the database.
   */
  incomplete: boolean;
}

const SPACE = /\s/;

/** The character just before an item in its text: null at the start or next to a non-text node. */
function charBefore(item: Y.Item): string | null {
  for (let left = item.left; left !== null; left = left.left) {
    if (left.deleted || left.content instanceof Y.ContentFormat) continue;
    if (left.content instanceof Y.ContentString) {
      const str = left.content.str;
      return str[str.length - 1] ?? null;
    }
    return null;
  }
  return null;
}

/** Word starts in `str` (a non-space whose preceding character is a space or a boundary). */
function wordStarts(str: string, from: number, to: number, before: string | null): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const prev = i > 0 ? str[i - 1] : before;
    if (!SPACE.test(str[i]) && (prev === null || SPACE.test(prev))) count += 1;
  }
  return count;
}

/**
 * Applies `update` to `doc` (the draft as stored before it) and counts the words it inserted and
 * deleted.
 *
 * What counts is a word *start*: a non-space character whose neighbour on the left, in the
 * document, is a space, a block boundary or nothing. Edits arrive a keystroke at a time, so
 * splitting each update's text into words would count "hello" typed letter by letter as five
 * words; counting starts against the document gives one, and the sum over any sequence of updates
 * equals the words of the text they inserted (and deleted: backspacing "world" counts one word,
 * at its "w"). Typing inside a word counts nothing.
 *
 * Deleted text is not in an update (its delete set holds only item ids), so it is read from the
 * document before the update is applied; the document is the one the recorder keeps per loaded
 * draft, so this costs a lookup per deleted range and per inserted item, not a read of the log
 * (which compaction deletes anyway). Items already deleted, or already present (an update sent
 * again), count nothing: counting is idempotent as applying is.
 */
export function applyAndCount(doc: Y.Doc, update: Uint8Array): WordChange {
  const { structs, ds } = decodedUpdate(update);
  // What the document holds of each client before the update (read from its store: encoding the
  // whole state vector per edit cost more than the rest of the count).
  const known = new Map<number, number>();
  const before = (client: number): number => {
    let clock = known.get(client);
    if (clock === undefined) {
      clock = Y.getState(doc.store, client);
      known.set(client, clock);
    }
    return clock;
  };
  for (const struct of structs) before(struct.id.client);
  let wordsDeleted = 0;
  let deletedSomething = false;
  // Only the ranges the document holds: Yjs cannot iterate items it lacks (deleted by an update
  // it has not seen; such a delete set waits in the document, and `incomplete` says so).
  const present = Y.createDeleteSet();
  for (const [client, items] of ds.clients) {
    const end = before(client);
    const kept = items
      .filter((d) => d.clock < end)
      .map((d) => ({ clock: d.clock, len: Math.min(d.len, end - d.clock) }));
    if (kept.length > 0) present.clients.set(client, kept);
  }
  if (present.clients.size > 0)
    doc.transact((tr) => {
      // Splits the stored items at the ranges' edges, so each struct is exactly what is deleted.
      Y.iterateDeletedStructs(tr, present, (struct) => {
        if (!(struct instanceof Y.Item) || struct.deleted) return;
        deletedSomething = true;
        if (struct.content instanceof Y.ContentString) {
          const str = struct.content.str;
          wordsDeleted += wordStarts(str, 0, str.length, charBefore(struct));
        }
      });
    });

  Y.applyUpdate(doc, update);

  let wordsInserted = 0;
  let insertedSomething = false;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    const from = Math.max(clock, before(client));
    if (from >= end) continue;
    insertedSomething = true;
    // Not integrated (its neighbours are missing): not in the document to look up.
    if (!(struct.content instanceof Y.ContentString) || end > Y.getState(doc.store, client))
      continue;
    // The stored item holding these characters (Yjs merges neighbouring items once applied).
    const item = Y.getItem(doc.store, Y.createID(client, from));
    if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentString))
      continue;
    const str = item.content.str;
    const offset = from - item.id.clock;
    const stop = Math.min(str.length, offset + (end - from));
    wordsInserted += wordStarts(str, offset, stop, offset > 0 ? str[offset - 1] : charBefore(item));
  }
  return {
    wordsInserted,
    wordsDeleted,
    changed: insertedSomething || deletedSomething,
    incomplete: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
  };
}
