import * as Y from 'yjs';
import { CONTENT_FIELD, markName } from '../../core/document-blocks';

/** Which text a document shows: as negotiated (brackets and proposals marked) or clean. */
export enum ExportView {
  /** Brackets as [ … ] with their options, proposed insertions and deletions marked. */
  MARKED = 'marked',
  /** The text as it stands: brackets' first option without brackets, no proposal applied. */
  CLEAN = 'clean',
}

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A proposal in the text (shown only in the marked view). */
  change: 'insertion' | 'deletion' | null;
  /** A line break inside the block instead of text. */
  lineBreak: boolean;
}

export interface ListItem {
  /** The item's own text (its first paragraph; later paragraphs join it on new lines). */
  runs: Run[];
  /** Lists nested in the item. */
  lists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
}

/** A document's content as export formats need it, whatever the format. */
export type OutlineBlock =
  | { kind: 'heading'; level: number; runs: Run[] }
  /** Top-level paragraphs are numbered 1, 2, 3… as committee documents number them. */
  | { kind: 'paragraph'; number: number | null; runs: Run[] }
  | ListBlock;

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

interface Bracket {
  id: string;
  alternatives: string[];
}

const bracketOf = (value: unknown): Bracket | null => {
  if (!value || typeof value !== 'object') return null;
  const { id, alternatives } = value as { id?: unknown; alternatives?: unknown };
  return {
    id: typeof id === 'string' ? id : '',
    alternatives: Array.isArray(alternatives)
      ? alternatives.filter((a): a is string => typeof a === 'string')
      : [],
  };
};

const plain = (text: string): Run => ({
  text,
  bold: false,
  italic: false,
  change: null,
  lineBreak: false,
});

/**
 * The runs of one block's inline content. A bracket's runs are wrapped in [ … ] once, with its
 * other options after its text, however many runs (bold, italic) its text is cut into.
 */
function runsOf(element: Y.XmlElement, view: ExportView): Run[] {
  const runs: Run[] = [];
  let open: Bracket | null = null;
  const close = () => {
    if (!open) return;
    if (view === ExportView.MARKED)
      runs.push(plain(`${open.alternatives.map((a) => ` / ${a}`).join('')}]`));
    open = null;
  };
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      close();
      if (child.nodeName === 'hardBreak') runs.push({ ...plain(''), lineBreak: true });
      else runs.push(...runsOf(child, view));
      continue;
    }
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as Delta) {
      if (typeof op.insert !== 'string') continue;
      const marks = new Map<string, unknown>();
      for (const [key, value] of Object.entries(op.attributes ?? {}))
        marks.set(markName(key), value);
      const change = marks.has('insertion')
        ? 'insertion'
        : marks.has('deletion')
          ? 'deletion'
          : null;
      // The clean text is the text without any proposal applied: proposed words are not in it yet,
      // words proposed for deletion still are.
      if (view === ExportView.CLEAN && change === 'insertion') continue;
      const bracket = bracketOf(marks.get('bracket'));
      if (!bracket || !open || bracket.id !== (open as Bracket).id) close();
      if (bracket && !open) {
        open = bracket;
        if (view === ExportView.MARKED) runs.push(plain('['));
      }
      runs.push({
        text: op.insert,
        bold: marks.has('bold'),
        italic: marks.has('italic'),
        change: view === ExportView.MARKED ? change : null,
        lineBreak: false,
      });
    }
  }
  close();
  return runs;
}

function listOf(element: Y.XmlElement, view: ExportView): ListBlock {
  const items: ListItem[] = [];
  for (const item of element.toArray()) {
    if (!(item instanceof Y.XmlElement)) continue;
    const runs: Run[] = [];
    const lists: ListBlock[] = [];
    for (const part of item.toArray()) {
      if (!(part instanceof Y.XmlElement)) continue;
      if (part.nodeName === 'bulletList' || part.nodeName === 'orderedList') {
        lists.push(listOf(part, view));
        continue;
      }
      if (runs.length > 0) runs.push({ ...plain(''), lineBreak: true });
      runs.push(...runsOf(part, view));
    }
    items.push({ runs, lists });
  }
  return { kind: 'list', ordered: element.nodeName === 'orderedList', items };
}

/** The blocks of a draft's document in order, as the editor shows them. */
export function outlineOf(doc: Y.Doc, view: ExportView): OutlineBlock[] {
  const blocks: OutlineBlock[] = [];
  let number = 0;
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    switch (child.nodeName) {
      case 'heading': {
        const level = Number(child.getAttribute('level'));
        blocks.push({
          kind: 'heading',
          level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1,
          runs: runsOf(child, view),
        });
        break;
      }
      case 'bulletList':
      case 'orderedList':
        blocks.push(listOf(child, view));
        break;
      case 'paragraph':
        number += 1;
        blocks.push({ kind: 'paragraph', number, runs: runsOf(child, view) });
        break;
      default:
        // Quotes, code and rules are kept as unnumbered text rather than lost.
        blocks.push({ kind: 'paragraph', number: null, runs: runsOf(child, view) });
    }
  }
  return blocks;
}

/** The plain text of some runs (line breaks as new lines). */
export const runsText = (runs: Run[]): string =>
  runs.map((r) => (r.lineBreak ? '\n' : r.text)).join('');
