import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Types } from 'mongoose';
import { type FlatText, NO_ITEM } from './draft-text';

export enum ChangeKind {
  INSERTED = 'INSERTED',
  DELETED = 'DELETED',
  UNCHANGED = 'UNCHANGED',
}

export interface TextChangeData {
  kind: ChangeKind;
  text: string;
  /** Number of the paragraph it is in (of `to` for insertions and unchanged text, of `from` for deletions). */
  paragraph: number | null;
  authorIds: Types.ObjectId[];
}

/** Who made an item and who deleted one, by Yjs item id. */
export interface Attribution {
  insertedBy(client: number): Types.ObjectId | null;
  deletedBy(client: number, clock: number): Types.ObjectId | null;
}

function authorsOf(
  flat: FlatText,
  start: number,
  end: number,
  who: (client: number, clock: number) => Types.ObjectId | null,
  byClient: boolean,
): Types.ObjectId[] {
  const seen = new Map<string, Types.ObjectId>();
  let lastClient = NO_ITEM;
  for (let i = start; i < end; i += 1) {
    const client = flat.clients[i];
    if (client === NO_ITEM) continue;
    // Insertions are by client: one lookup a run of the same client is enough.
    if (byClient && client === lastClient) continue;
    lastClient = client;
    const id = who(client, flat.clocks[i]);
    if (id) seen.set(id.toHexString(), id);
  }
  return [...seen.values()];
}

interface Line {
  /** Offsets of its text in the flat text, without the line break that may follow it. */
  start: number;
  end: number;
  /** 1 when a line break follows it, 0 for the last line. */
  br: number;
  text: string;
}

function linesOf(flat: FlatText): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const at = flat.text.indexOf('\n', start);
    const end = at < 0 ? flat.text.length : at;
    lines.push({ start, end, br: at < 0 ? 0 : 1, text: flat.text.slice(start, end) });
    if (at < 0) return lines;
    start = at + 1;
  }
}

/**
 * The changes from `from` to `to`, in document order, paragraph-aware: blocks (lines) are matched
 * first (jsdiff's diffArrays); a changed block is compared with the one it replaces word by word
 * (diffWordsWithSpace), blocks with no counterpart are inserted or deleted whole. Each part is cut
 * where its paragraph changes; insertions are named by the authors of their Yjs items, deletions
 * by who deleted them, where that was recorded. The texts of the parts that are not DELETED make
 * `to`, those not INSERTED make `from`.
 */
export function compareTexts(from: FlatText, to: FlatText, who: Attribution): TextChangeData[] {
  const changes: TextChangeData[] = [];
  const emit = (kind: ChangeKind, start: number, end: number) => {
    if (end <= start) return;
    const flat = kind === ChangeKind.DELETED ? from : to;
    let pieceStart = start;
    for (let i = start + 1; i <= end; i += 1) {
      if (i < end && flat.paragraphs[i] === flat.paragraphs[pieceStart]) continue;
      const authorIds =
        kind === ChangeKind.INSERTED
          ? authorsOf(flat, pieceStart, i, (client) => who.insertedBy(client), true)
          : kind === ChangeKind.DELETED
            ? authorsOf(flat, pieceStart, i, (client, clock) => who.deletedBy(client, clock), false)
            : [];
      const last = changes[changes.length - 1];
      const text = flat.text.slice(pieceStart, i);
      const paragraph = flat.paragraphs[pieceStart];
      // Unchanged neighbours in one paragraph read better as one passage.
      if (
        kind === ChangeKind.UNCHANGED &&
        last?.kind === ChangeKind.UNCHANGED &&
        last.paragraph === paragraph
      )
        last.text += text;
      else changes.push({ kind, text, paragraph, authorIds });
      pieceStart = i;
    }
  };
  /** The line breaks after a pair of lines: kept, or inserted or deleted at the end of the text. */
  const breaks = (a: Line, b: Line) => {
    if (a.br && b.br) emit(ChangeKind.UNCHANGED, b.end, b.end + 1);
    else if (b.br) emit(ChangeKind.INSERTED, b.end, b.end + 1);
    else if (a.br) emit(ChangeKind.DELETED, a.end, a.end + 1);
  };
  const words = (a: Line, b: Line) => {
    let i = a.start;
    let j = b.start;
    for (const part of diffWordsWithSpace(a.text, b.text)) {
      const n = part.value.length;
      if (part.removed) {
        emit(ChangeKind.DELETED, i, i + n);
        i += n;
      } else if (part.added) {
        emit(ChangeKind.INSERTED, j, j + n);
        j += n;
      } else {
        emit(ChangeKind.UNCHANGED, j, j + n);
        i += n;
        j += n;
      }
    }
    breaks(a, b);
  };

  const fromLines = linesOf(from);
  const toLines = linesOf(to);
  let a = 0;
  let b = 0;
  let removed: Line[] = [];
  const flushRemoved = () => {
    for (const line of removed) emit(ChangeKind.DELETED, line.start, line.end + line.br);
    removed = [];
  };
  for (const part of diffArrays(
    fromLines.map((l) => l.text),
    toLines.map((l) => l.text),
  )) {
    const n = part.value.length;
    if (part.removed) {
      removed = fromLines.slice(a, a + n);
      a += n;
      continue;
    }
    if (part.added) {
      // Blocks that replace removed ones are compared with them, in order; the rest are new.
      const added = toLines.slice(b, b + n);
      b += n;
      added.forEach((line, k) => {
        if (k < removed.length) words(removed[k], line);
        else emit(ChangeKind.INSERTED, line.start, line.end + line.br);
      });
      removed = removed.slice(added.length);
      flushRemoved();
      continue;
    }
    flushRemoved();
    for (let k = 0; k < n; k += 1) {
      const x = fromLines[a + k];
      const y = toLines[b + k];
      emit(ChangeKind.UNCHANGED, y.start, y.end);
      breaks(x, y);
    }
    a += n;
    b += n;
  }
  flushRemoved();
  return changes;
}
