import * as Y from 'yjs';

/** The Yjs shared type that holds a draft's rich text (the name TipTap's Collaboration uses). */
export const CONTENT_FIELD = 'default';

/** The attribute that gives each top-level block (paragraph, heading, list) its lasting id. */
export const PARAGRAPH_ID_ATTR = 'pid';

/** One top-level block of a draft, as the editor shows it. */
export interface DocumentBlock {
  /** Its lasting id (the `pid` attribute); null until one is given. */
  id: string | null;
  /** Its position among the top-level blocks, from 0. */
  index: number;
  /** `paragraph`, `heading`, `bulletList`, `orderedList`… (ProseMirror node names). */
  kind: string;
  /** 1, 2, 3… for top-level paragraphs, as committee documents number them; null otherwise. */
  number: number | null;
  /** Plain text, nested blocks (list items) one a line. */
  text: string;
  element: Y.XmlElement;
}

/** A run of text carrying one mark (a proposal, a bracket…), where it is. */
export interface MarkedRun {
  /** Mark name without y-prosemirror's hash suffix (`bracket`, `insertion`…). */
  mark: string;
  attrs: Record<string, unknown>;
  text: string;
  /** The text node holding the run and the run's offset in it (for edits on the server). */
  node: Y.XmlText;
  offset: number;
  /** The top-level block it is in. */
  block: DocumentBlock;
}

// y-prosemirror stores a mark that may overlap itself as `name--hash`.
const HASHED = /^(.*)--[a-zA-Z0-9+/=]{8}$/;
/** A mark's name from its formatting key (`name` or y-prosemirror's `name--hash`). */
export const markName = (key: string): string => HASHED.exec(key)?.[1] ?? key;

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return plainOf(node);
  if (node instanceof Y.XmlHook) return '';
  const children = node.toArray();
  const blocks = children.some((c) => c instanceof Y.XmlElement);
  return children.map(textOf).join(blocks ? '\n' : '');
}

/** Plain text of a text node (its delta's strings; `toString` would give marks as tags). */
function plainOf(node: Y.XmlText): string {
  let out = '';
  for (const op of node.toDelta() as { insert: unknown }[])
    if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/** The top-level blocks of a draft's document, in order. */
export function readBlocks(doc: Y.Doc): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let number = 0;
  doc
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .forEach((child, index) => {
      if (!(child instanceof Y.XmlElement)) return;
      const kind = child.nodeName;
      const id = child.getAttribute(PARAGRAPH_ID_ATTR);
      blocks.push({
        id: typeof id === 'string' && id ? id : null,
        index,
        kind,
        number: kind === 'paragraph' ? ++number : null,
        text: textOf(child),
        element: child,
      });
    });
  return blocks;
}

function collectRuns(
  node: Y.XmlElement | Y.XmlText | Y.XmlHook,
  block: DocumentBlock,
  wanted: Set<string> | null,
  out: MarkedRun[],
): void {
  if (node instanceof Y.XmlHook) return;
  if (node instanceof Y.XmlText) {
    let offset = 0;
    const delta = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    for (const op of delta) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const mark = markName(key);
        if (wanted && !wanted.has(mark)) continue;
        out.push({
          mark,
          attrs: (value ?? {}) as Record<string, unknown>,
          text: typeof op.insert === 'string' ? op.insert : '',
          node,
          offset,
          block,
        });
      }
      offset += length;
    }
    return;
  }
  for (const child of node.toArray()) collectRuns(child, block, wanted, out);
}

/**
 * Every run of text that carries one of `marks` (all marks when none are named), in document
 * order. Neighbouring runs of the same mark stay separate when other marks (bold) cut them.
 */
export function readMarkedRuns(doc: Y.Doc, marks?: string[]): MarkedRun[] {
  const wanted = marks ? new Set(marks) : null;
  const out: MarkedRun[] = [];
  for (const block of readBlocks(doc)) collectRuns(block.element, block, wanted, out);
  return out;
}
