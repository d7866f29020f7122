import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../../core/auth-user';

/** The Yjs shared type that holds a draft's rich text (as in server/collaboration/document-state.ts). */
export const CONTENT_FIELD = 'default';

/**
 * What the versions module needs of the co-editing core (server/collaboration implements it; the
 * module may not import that layer): the stored document, and a way to send a change through the
 * same path as an edit (checked, stored, relayed live, attributed).
 */
export interface DraftTextPort {
  /** The whole stored document as one update, and the seq of the log it was read at. */
  loadState(draftId: Types.ObjectId): Promise<{ state: Uint8Array; seq: number }>;
  /**
   * Sends an update as `user`'s edit; resolves with its seq once stored. `housekeeping`: an update
   * nobody wrote (paragraph ids), checked as theirs but stored without an author, so it is in no
   * one's revisions and no one's count of changes.
   */
  applyServerUpdate(
    user: AuthUser,
    draftId: Types.ObjectId,
    update: Uint8Array,
    options?: { housekeeping?: boolean },
  ): Promise<number>;
  /**
   * Stored updates after `afterSeq` not sent by `exceptUserId`; `complete` is false when compaction
   * has merged some of them (their senders are no longer known) and `count` covers only the rest.
   */
  countUpdatesAfter(
    draftId: Types.ObjectId,
    afterSeq: number,
    exceptUserId: Types.ObjectId,
  ): Promise<{ count: number; complete: boolean }>;
  /** Resolves once who wrote what in the updates stored so far (on this instance) is recorded. */
  attributionRecorded(draftId: string): Promise<void>;
}

/** No item: a line break between blocks. */
export const NO_ITEM = -1;

/**
 * A document's plain text (one block a line, as `plainText` gives it) with, for each UTF-16 unit,
 * the Yjs item id it comes from (client and clock; NO_ITEM for line breaks) and the number of the
 * paragraph it is in: top-level paragraphs count 1, 2, 3… (headings and lists do not, null), the
 * way the editor numbers them.
 */
export interface FlatText {
  text: string;
  clients: number[];
  clocks: number[];
  paragraphs: (number | null)[];
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment;

class Flattener {
  text: string[] = [];
  clients: number[] = [];
  clocks: number[] = [];
  paragraphs: (number | null)[] = [];

  constructor(private paragraph: number | null) {}

  setParagraph(p: number | null): void {
    this.paragraph = p;
  }

  push(str: string, client: number, clock: number): void {
    this.text.push(str);
    for (let i = 0; i < str.length; i += 1) {
      this.clients.push(client);
      this.clocks.push(client === NO_ITEM ? NO_ITEM : clock + i);
      this.paragraphs.push(this.paragraph);
    }
  }

  node(node: Node): void {
    if (node instanceof Y.XmlText) {
      for (let item = node._start; item !== null; item = item.right as Y.Item | null) {
        if (!item.deleted && item.content instanceof Y.ContentString)
          this.push(item.content.str, item.id.client, item.id.clock);
      }
      return;
    }
    if (node instanceof Y.XmlHook) return;
    const children = node.toArray();
    const blocks = children.some((c) => c instanceof Y.XmlElement);
    children.forEach((child, i) => {
      if (i > 0 && blocks) this.push('\n', NO_ITEM, NO_ITEM);
      this.node(child);
    });
  }
}

export function flattenDoc(doc: Y.Doc): FlatText {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const out = new Flattener(null);
  const children = fragment.toArray();
  const blocks = children.some((c) => c instanceof Y.XmlElement);
  let number = 0;
  children.forEach((child, i) => {
    const numbered = child instanceof Y.XmlElement && child.nodeName === 'paragraph';
    // The break before a block belongs to the line it ends.
    if (i > 0 && blocks) out.push('\n', NO_ITEM, NO_ITEM);
    if (numbered) number += 1;
    out.setParagraph(numbered ? number : null);
    out.node(child);
  });
  return {
    text: out.text.join(''),
    clients: out.clients,
    clocks: out.clocks,
    paragraphs: out.paragraphs,
  };
}

/** Stored binary as bytes: lean reads give BSON Binary values, documents give Buffers. */
export function bytesOf(value: Buffer | Uint8Array | { buffer: Uint8Array }): Uint8Array {
  const b = value instanceof Uint8Array ? value : value.buffer;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Plain text of a stored state, the same as the collaboration core's `plainText`. */
export function textOfState(state: Uint8Array): string {
  const doc = docOf(state);
  const { text } = flattenDoc(doc);
  doc.destroy();
  return text;
}

/**
 * The update that turns `current`'s content into `target`'s, as a forward change made by a new
 * Yjs client: top-level blocks equal at the start and at the end are kept (their ids, hence
 * paragraph identity and authorship, stay); those between are replaced by copies of the target's.
 * Null when nothing differs.
 */
export function restoreUpdate(current: Uint8Array, target: Uint8Array): Uint8Array | null {
  const work = docOf(current);
  const before = Y.encodeStateVector(work);
  const source = docOf(target);
  const have = work.getXmlFragment(CONTENT_FIELD);
  const want = source.getXmlFragment(CONTENT_FIELD).toArray();
  const haveKeys = have.toArray().map((n) => n.toString());
  const wantKeys = want.map((n) => n.toString());
  let head = 0;
  while (head < haveKeys.length && head < wantKeys.length && haveKeys[head] === wantKeys[head])
    head += 1;
  let tail = 0;
  while (
    tail < haveKeys.length - head &&
    tail < wantKeys.length - head &&
    haveKeys[haveKeys.length - 1 - tail] === wantKeys[wantKeys.length - 1 - tail]
  )
    tail += 1;
  const removing = haveKeys.length - head - tail;
  const adding = want.slice(head, want.length - tail);
  if (removing === 0 && adding.length === 0) {
    work.destroy();
    source.destroy();
    return null;
  }
  work.transact(() => {
    if (removing > 0) have.delete(head, removing);
    if (adding.length > 0)
      have.insert(
        head,
        adding.map((n) => n.clone() as Y.XmlElement | Y.XmlText),
      );
  });
  const update = Y.encodeStateAsUpdate(work, before);
  work.destroy();
  source.destroy();
  return update;
}
