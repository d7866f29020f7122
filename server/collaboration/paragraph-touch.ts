import * as Y from 'yjs';
import { PARAGRAPH_ID_ATTR } from '../core/document-blocks';
import { decodedUpdate } from './update-codec';

/** The update refers to structs neither the document nor the update itself holds. */
export const UNRESOLVED = Symbol('unresolved');

type Struct = Y.Item | Y.GC | Y.Skip;
type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Where a new struct goes: a root type, a type already in the document, or one the update makes. */
type Container =
  | { root: true }
  | { type: Y.AbstractType<unknown> }
  | { made: Y.Item }
  /** Into something deleted and collected: Yjs drops it too. */
  | { gone: true };

const ROOT: Container = { root: true };
const GONE: Container = { gone: true };

/** Longest chain of new structs followed (a malformed update could loop). */
const MAX_DEPTH = 10_000;

function find(structs: Struct[] | undefined, clock: number): Struct | undefined {
  if (!structs || structs.length === 0) return undefined;
  const last = structs[structs.length - 1];
  if (clock < structs[0].id.clock || clock >= last.id.clock + last.length) return undefined;
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid];
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Which existing top-level blocks of `doc` an update changes, without applying it: each of its
 * structs lies in the block its parent (or, when the parent is implicit, its origin's parent)
 * lies in; each range of its delete set in the blocks of the items it deletes. Structs the update
 * makes inside a block it also makes (a new paragraph and its text) touch no existing block.
 */
export class UpdateTouch {
  private readonly own = new Map<number, Struct[]>();
  private readonly decoded: Decoded;

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
  ) {
    this.decoded = decodedUpdate(update);
    for (const s of this.decoded.structs as Struct[]) {
      const list = this.own.get(s.id.client) ?? [];
      list.push(s);
      this.own.set(s.id.client, list);
    }
  }

  /**
   * The existing top-level block items the update changes (inserts into, formats, deletes from,
   * sets an attribute of, or deletes), or UNRESOLVED when a reference cannot be followed.
   */
  blocks(): Set<Y.Item> | typeof UNRESOLVED {
    const out = new Set<Y.Item>();
    for (const s of this.decoded.structs as Struct[]) {
      if (!(s instanceof Y.Item)) continue;
      // Already integrated here (sent again after a reconnect): changes nothing.
      if (s.id.clock + s.length <= Y.getState(this.doc.store, s.id.client)) continue;
      const block = this.blockOf(this.containerOf(s, 0), 0);
      if (block === UNRESOLVED) return UNRESOLVED;
      if (block) out.add(block);
    }
    for (const [client, ranges] of this.decoded.ds.clients) {
      const structs = this.doc.store.clients.get(client);
      const known = Y.getState(this.doc.store, client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        for (let c = clock; c < Math.min(end, known); ) {
          const s = find(structs, c);
          if (!s) break;
          if (s instanceof Y.Item && !s.deleted) {
            const block = topOf(s);
            if (block) out.add(block);
          }
          c = s.id.clock + s.length;
        }
        // Beyond what the document holds, only structs of this very update may be deleted.
        for (let c = Math.max(clock, known); c < end; ) {
          const s = find(this.own.get(client), c);
          if (!s) return UNRESOLVED;
          c = s.id.clock + s.length;
        }
      }
    }
    return out;
  }

  private lookup(id: Y.ID): Struct | undefined {
    return (
      find(this.doc.store.clients.get(id.client), id.clock) ??
      find(this.own.get(id.client), id.clock)
    );
  }

  private containerOf(s: Y.Item, depth: number): Container | typeof UNRESOLVED {
    if (depth > MAX_DEPTH) return UNRESOLVED;
    const parent = s.parent as unknown;
    if (typeof parent === 'string') return ROOT;
    if (parent instanceof Y.ID) {
      const p = this.lookup(parent);
      if (p instanceof Y.GC) return GONE;
      if (!(p instanceof Y.Item) || !(p.content instanceof Y.ContentType)) return UNRESOLVED;
      return this.integrated(p) ? { type: p.content.type } : { made: p };
    }
    if (parent instanceof Y.AbstractType) return { type: parent };
    for (const ref of [s.origin, s.rightOrigin]) {
      if (!ref) continue;
      const o = this.lookup(ref);
      if (o instanceof Y.GC) return GONE;
      if (!(o instanceof Y.Item)) return UNRESOLVED;
      if (this.integrated(o))
        return o.parent instanceof Y.AbstractType ? { type: o.parent } : UNRESOLVED;
      return this.containerOf(o, depth + 1);
    }
    return UNRESOLVED;
  }

  /** Whether the struct is the document's (integrated: its parent is a type) or the update's. */
  private integrated(s: Y.Item): boolean {
    return s.parent instanceof Y.AbstractType;
  }

  private blockOf(
    c: Container | typeof UNRESOLVED,
    depth: number,
  ): Y.Item | null | typeof UNRESOLVED {
    if (c === UNRESOLVED) return UNRESOLVED;
    if ('root' in c || 'gone' in c) return null;
    if ('type' in c) {
      const item = c.type._item;
      // Straight under a root type: a new top-level block, which nobody has agreed yet.
      return item ? topOf(item) : null;
    }
    if (depth > MAX_DEPTH) return UNRESOLVED;
    const next = this.containerOf(c.made, depth + 1);
    // A block the update makes at the top level: everything in it is new.
    if (next !== UNRESOLVED && ('root' in next || ('type' in next && next.type._item === null)))
      return null;
    return this.blockOf(next, depth + 1);
  }
}

/** The top-level block an integrated item lies in (itself, when it is one); null for root text. */
export function topOf(item: Y.Item): Y.Item | null {
  let at: Y.Item = item;
  for (;;) {
    const parent = at.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent._item === null) return at;
    at = parent._item;
  }
}

/** The lasting id of a top-level block item, if it has one. */
export function pidOf(block: Y.Item): string | null {
  if (!(block.content instanceof Y.ContentType)) return null;
  const type = block.content.type;
  if (!(type instanceof Y.XmlElement)) return null;
  const pid = type.getAttribute(PARAGRAPH_ID_ATTR);
  return typeof pid === 'string' ? pid : null;
}
