import type { ChangeKind } from '../../../gql/graphql';

export interface Change {
  kind: ChangeKind;
  text: string;
  paragraph: number | null;
  authors: readonly { id: string; name: string }[];
}

export interface Block {
  /** The paragraph's number as the draft shows it; null for headings and list items. */
  number: number | null;
  parts: Change[];
}

/**
 * The comparison's passages as blocks (paragraphs, headings, list items) in document order: a
 * line break, whatever its kind, starts a new block. A block takes the number of its first
 * passage that is in the newer text, or of a deleted one when the whole block was deleted.
 */
export function blocksOf(changes: readonly Change[]): Block[] {
  const blocks: Block[] = [];
  let parts: Change[] = [];
  const close = () => {
    if (parts.length === 0) return;
    const kept = parts.find((p) => p.kind !== 'DELETED');
    blocks.push({ number: (kept ?? parts[0]).paragraph, parts });
    parts = [];
  };
  for (const change of changes) {
    change.text.split('\n').forEach((piece, i) => {
      if (i > 0) close();
      if (piece) parts.push({ ...change, text: piece });
    });
  }
  close();
  return blocks;
}
