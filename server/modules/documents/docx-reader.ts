import type Mammoth from 'mammoth';
import { appError, ErrorCode } from '../../core/errors';
import type { ListBlock, OutlineBlock, Run } from './document-outline';

// The parts of mammoth's document model read here (mammoth/lib/documents.js).
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  breakType?: string;
}

export interface ImportedText {
  /** The document's title (its Title paragraph, or else its first heading), if it has one. */
  title: string | null;
  blocks: OutlineBlock[];
}

const HEADING = /^heading\s*([1-6])$/i;

function runsOf(node: MammothNode, bold = false, italic = false): Run[] {
  switch (node.type) {
    case 'text':
      return node.value ? [{ text: node.value, bold, italic, change: null, lineBreak: false }] : [];
    case 'tab':
      return [{ text: '\t', bold, italic, change: null, lineBreak: false }];
    case 'break':
      return node.breakType === 'line'
        ? [{ text: '', bold: false, italic: false, change: null, lineBreak: true }]
        : [];
    case 'run':
      return (node.children ?? []).flatMap((c) =>
        runsOf(c, bold || !!node.isBold, italic || !!node.isItalic),
      );
    default:
      // Hyperlinks keep their text; notes, comments, images and bookmarks are left out.
      return (node.children ?? []).flatMap((c) =>
        c.type === 'paragraph' ? [] : runsOf(c, bold, italic),
      );
  }
}

const textOf = (runs: Run[]) =>
  runs
    .map((r) => r.text)
    .join('')
    .trim();

/**
 * The editor's blocks from a Word document's paragraphs. Committee papers number their
 * paragraphs with Word numbering: a paragraph numbered at the first level (1., 2.…) is one of
 * the draft's numbered paragraphs; bullets and deeper levels ((a), (i)…) become lists. (The
 * platform's own Word export puts numbered lists one level down for this reason.)
 */
class BlockBuilder {
  readonly blocks: OutlineBlock[] = [];
  title: string | null = null;
  private firstHeading: string | null = null;
  /** The list being continued, by level (0: top). */
  private lists: ListBlock[] = [];

  paragraph(node: MammothNode): void {
    const runs = runsOf(node);
    const style = node.styleName ?? '';
    const heading = HEADING.exec(style);
    if (/^title$/i.test(style)) {
      this.lists = [];
      this.title ??= textOf(runs) || null;
      return;
    }
    if (heading) {
      this.lists = [];
      const level = Number(heading[1]);
      this.firstHeading ??= textOf(runs) || null;
      this.blocks.push({ kind: 'heading', level, runs });
      return;
    }
    const numbering = node.numbering;
    const level = numbering ? Number(numbering.level) || 0 : 0;
    if (!numbering || (numbering.isOrdered && level === 0)) {
      this.lists = [];
      if (runs.length === 0 && !numbering) return; // empty spacing paragraphs
      this.blocks.push({ kind: 'paragraph', number: numbering ? 1 : null, runs });
      return;
    }
    this.listItem(level, numbering.isOrdered, runs);
  }

  private listItem(level: number, ordered: boolean, runs: Run[]): void {
    const depth = Math.min(level, this.lists.length);
    this.lists.length = depth + 1;
    let list = this.lists[depth];
    if (!list || list.ordered !== ordered) {
      list = { kind: 'list', ordered, items: [] };
      const parent = depth > 0 ? this.lists[depth - 1] : null;
      const parentItem = parent?.items.at(-1);
      if (parentItem) parentItem.lists.push(list);
      else this.blocks.push(list);
      this.lists[depth] = list;
    }
    list.items.push({ runs, lists: [] });
  }

  node(node: MammothNode): void {
    if (node.type === 'paragraph') this.paragraph(node);
    // Tables and the document itself: their paragraphs, in reading order.
    else for (const child of node.children ?? []) this.node(child);
  }

  result(): ImportedText {
    return { title: this.title ?? this.firstHeading, blocks: this.blocks };
  }
}

/** A Word document's headings, paragraphs, lists, bold and italic (checked with checkDocx first). */
export async function readDocx(bytes: Buffer): Promise<ImportedText> {
  let root: MammothNode | null = null;
  try {
    // Loaded on the first import, not at start (it and its XML parser weigh some 13 MiB).
    await (require('mammoth') as typeof Mammoth).convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (document: MammothNode) => {
          root = document;
          return document;
        },
      },
    );
  } catch {
    throw appError(
      ErrorCode.UnsupportedFile,
      'This Word document cannot be read: it may be damaged.',
    );
  }
  if (!root) throw appError(ErrorCode.UnsupportedFile, 'This Word document has no text to import.');
  const builder = new BlockBuilder();
  builder.node(root);
  return builder.result();
}
