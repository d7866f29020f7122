import * as Y from 'yjs';
import {
  CONTENT_FIELD,
  type DocumentBlock,
  PARAGRAPH_ID_ATTR,
  readBlocks,
  readMarkedRuns,
} from '../../core/document-blocks';
import type { DraftTextPort } from '../versions/draft-text';

/** What the paragraphs module needs of the co-editing core (implemented by Collaboration). */
export type ParagraphTextPort = Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>;

/** A top-level block with the id it goes by, even before its `pid` is written. */
export interface ParagraphBlock {
  id: string;
  /** Whether the document holds that id already (false: derived, to be written). */
  stored: boolean;
  index: number;
  kind: string;
  number: number | null;
  text: string;
  /** Distinct brackets (`bracket` mark ids) in it. */
  openBrackets: number;
}

/**
 * The id a block without a `pid` is given: its Yjs item id (the creating client and its clock),
 * stable and unique for any Yjs client. Derived rather than random, so that readers who may not
 * write, two instances, or two requests giving ids at once all name the block the same, and the
 * id a reader was shown before it was written stays the id after.
 */
export function derivedId(element: Y.XmlElement): string {
  const item = element._item;
  return item ? `y${item.id.client.toString(36)}-${item.id.clock.toString(36)}` : 'y0';
}

/** The blocks of a document with their ids (a repeated `pid` counts for its first block only). */
export function paragraphBlocks(doc: Y.Doc): ParagraphBlock[] {
  const brackets = new Map<number, Set<string>>();
  for (const run of readMarkedRuns(doc, ['bracket'])) {
    const id = typeof run.attrs.id === 'string' ? run.attrs.id : `${run.node._item?.id.clock}`;
    const ids = brackets.get(run.block.index) ?? new Set<string>();
    ids.add(id);
    brackets.set(run.block.index, ids);
  }
  const seen = new Set<string>();
  return readBlocks(doc).map((b: DocumentBlock) => {
    // A raw client (or a copy of a block's attributes) may repeat a pid: the first block keeps
    // it, so a status set on it is not taken over by the copy.
    const stored = b.id !== null && !seen.has(b.id);
    const id = stored ? (b.id as string) : derivedId(b.element);
    seen.add(id);
    return {
      id,
      stored,
      index: b.index,
      kind: b.kind,
      number: b.number,
      text: b.text,
      openBrackets: brackets.get(b.index)?.size ?? 0,
    };
  });
}

/**
 * The update that writes the derived id on every block lacking one (or repeating another's), as
 * a change by a new Yjs client; null when every block has its own. Only attributes change.
 */
export function missingIdsUpdate(doc: Y.Doc, blocks: ParagraphBlock[]): Uint8Array | null {
  const missing = blocks.filter((b) => !b.stored);
  if (missing.length === 0) return null;
  const work = new Y.Doc();
  Y.applyUpdate(work, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(work);
  const children = work.getXmlFragment(CONTENT_FIELD).toArray();
  work.transact(() => {
    for (const b of missing) {
      const element = children[b.index];
      if (element instanceof Y.XmlElement) element.setAttribute(PARAGRAPH_ID_ATTR, b.id);
    }
  });
  const update = Y.encodeStateAsUpdate(work, before);
  work.destroy();
  return update;
}
