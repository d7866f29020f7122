import * as Y from 'yjs';
import { decodedUpdate, forgetDecoded } from './update-codec';

/** Where an update starts past what a document holds of one of its senders. */
interface Gap {
  client: number;
  /** The document must hold this client's structs up to here (exclusive) before it applies. */
  clock: number;
}

interface Held<T> {
  gap: Gap;
  update: Uint8Array;
  tag: T;
}

/** Updates held aside per document, at most; past it some are dropped (see `dropped`). */
export const HELD_LIMIT = 2_000;

/** The first client of the update whose structs start past what the document holds of it. */
export function gapOf(doc: Y.Doc, update: Uint8Array): Gap | null {
  const seen = new Set<number>();
  for (const struct of decodedUpdate(update).structs) {
    const { client, clock } = struct.id;
    // Structs come grouped by client, lowest clock first: the first of each client says it.
    if (seen.has(client)) continue;
    seen.add(client);
    if (clock > Y.getState(doc.store, client)) return { client, clock };
  }
  return null;
}

/**
 * Keeps out of a document the updates that build on structs of their sender it lacks, until they
 * come, and applies them then.
 *
 * Yjs itself keeps such an update pending in the document, and on every later update merges the
 * pending one with what that update could not place, and tries the whole of it again whenever any
 * missing struct arrives. A sender whose refused update never comes back (a client that went on
 * typing after a `TOO_MANY_REQUESTS` and was closed) leaves every later update of theirs pending:
 * the cost of each update then grows with all of those, and a flood took the revisions recorder
 * 34 s to count. Here each held update waits under the one struct it needs, and is looked at again
 * only when its sender's clock reaches it. What lacks other structs (an insert next to another
 * sender's missing text, a delete of it) still goes to Yjs's pending, as rare as it was.
 */
export class GapHold<T> {
  private readonly byClient = new Map<number, Held<T>[]>();
  private count = 0;
  /** Updates were dropped over the limit: the document lacks them for good, until read again. */
  dropped = false;

  constructor(private readonly limit = HELD_LIMIT) {}

  get size(): number {
    return this.count;
  }

  /** The document lacks updates given to it: held, or dropped. */
  get lacking(): boolean {
    return this.count > 0 || this.dropped;
  }

  /**
   * Applies the update through `apply` (given the document and the update's tag), or holds it when
   * it starts past what the document holds of a sender; then applies, the same way, every held
   * update that the document now holds enough for. Returns whether this update was applied.
   */
  offer(
    doc: Y.Doc,
    update: Uint8Array,
    tag: T,
    apply: (update: Uint8Array, tag: T) => void,
  ): boolean {
    const gap = gapOf(doc, update);
    if (gap) {
      this.hold({ gap, update, tag });
      return false;
    }
    apply(update, tag);
    this.release(doc, apply);
    return true;
  }

  private hold(held: Held<T>): void {
    // Decoded again if it comes out: thousands may wait for a sender who never sends the gap.
    forgetDecoded(held.update);
    const list = this.byClient.get(held.gap.client) ?? [];
    this.byClient.set(held.gap.client, list);
    list.push(held);
    // A sender's updates come in the order of their clocks, nearly always: kept sorted, the
    // first says whether any is ready.
    const n = list.length;
    if (n > 1 && list[n - 2].gap.clock > held.gap.clock)
      list.sort((a, b) => a.gap.clock - b.gap.clock);
    this.count += 1;
    if (this.count > this.limit) this.dropOne();
  }

  private dropOne(): void {
    // The longest list holds the sender furthest behind: the one least likely to catch up. Its
    // last update is dropped (its first is the next to be ready).
    let longest: Held<T>[] | null = null;
    let client = 0;
    for (const [c, list] of this.byClient)
      if (!longest || list.length > longest.length) {
        longest = list;
        client = c;
      }
    if (!longest) return;
    longest.pop();
    if (longest.length === 0) this.byClient.delete(client);
    this.count -= 1;
    this.dropped = true;
  }

  private release(doc: Y.Doc, apply: (update: Uint8Array, tag: T) => void): void {
    for (let progress = true; progress; ) {
      progress = false;
      for (const [client, list] of this.byClient) {
        const state = Y.getState(doc.store, client);
        if (list[0].gap.clock > state) continue;
        let n = 0;
        while (n < list.length && list[n].gap.clock <= state) n += 1;
        const ready = list.splice(0, n);
        if (list.length === 0) this.byClient.delete(client);
        this.count -= ready.length;
        for (const h of ready) {
          // It may lack another sender's structs too: then it waits under that one.
          const gap = gapOf(doc, h.update);
          if (gap) this.hold({ gap, update: h.update, tag: h.tag });
          else apply(h.update, h.tag);
        }
        progress = true;
        // The map changed under the loop: look at every sender again.
        break;
      }
    }
  }
}
