import type { Editor } from '@tiptap/core';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

export interface Anchor {
  quote: string;
  start: string;
  end: string;
}

const MAX_QUOTE = 200;

interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
}

function binding(editor: Editor): Binding | null {
  const state = ySyncPluginKey.getState(editor.state) as
    | { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Binding['mapping'] } }
    | undefined;
  return state?.binding
    ? { doc: state.doc, type: state.type, mapping: state.binding.mapping }
    : null;
}

/**
 * The selected passage as Yjs relative positions: they point at the characters themselves, so
 * they stay on the passage while others insert or delete text around it.
 */
export function anchorOfSelection(editor: Editor): Anchor | null {
  const { from, to, empty } = editor.state.selection;
  const b = binding(editor);
  if (empty || !b) return null;
  const quote = editor.state.doc.textBetween(from, to, ' ').trim();
  if (!quote) return null;
  const encode = (pos: number) =>
    toBase64(
      Y.encodeRelativePosition(
        absolutePositionToRelativePosition(pos, b.type, b.mapping) as Y.RelativePosition,
      ),
    );
  return {
    quote: quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote,
    start: encode(from),
    end: encode(to),
  };
}

/** Where an anchor's passage is now, or null when it was deleted. */
export function resolveAnchor(
  editor: Editor,
  anchor: { start?: string | null; end?: string | null },
): { from: number; to: number } | null {
  const b = binding(editor);
  if (!b || !anchor.start || !anchor.end) return null;
  try {
    const from = relativePositionToAbsolutePosition(
      b.doc,
      b.type,
      Y.decodeRelativePosition(fromBase64(anchor.start)),
      b.mapping,
    );
    const to = relativePositionToAbsolutePosition(
      b.doc,
      b.type,
      Y.decodeRelativePosition(fromBase64(anchor.end)),
      b.mapping,
    );
    return from === null || to === null || to <= from ? null : { from, to };
  } catch {
    return null;
  }
}
