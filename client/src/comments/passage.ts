import type { Editor } from '@tiptap/core';
import { useSyncExternalStore } from 'react';
import type { AddCommentInput } from '../gql/graphql';

export const PREVIEW_LENGTH = 140;

/** A passage on one line, cut at a word (with an ellipsis) when longer than `max` characters. */
export function shortQuote(text: string, max = PREVIEW_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A word cut in two reads worse than a slightly shorter preview, unless the word is huge.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Where a new comment on a draft may be anchored: the passage selected in its text, read live
 * (null when nothing is selected), and its anchor, taken when the comment is sent.
 */
export interface PassageSource {
  subscribe(onChange: () => void): () => void;
  quote(): string | null;
  anchor(): AddCommentInput['anchor'];
}

/**
 * The selection of a draft's editor as a PassageSource (no editor yet: nothing selected). The
 * page passes how to anchor a selection, so that the comments' code (also on the calendar) does
 * not load the editor's.
 */
export function editorPassage(
  editor: Editor | null,
  anchorOf: (editor: Editor) => AddCommentInput['anchor'],
): PassageSource {
  let seen: { doc: Editor['state']['doc']; from: number; to: number; text: string | null } | null =
    null;
  return {
    subscribe(onChange) {
      if (!editor) return () => undefined;
      // Remote edits inside the selection change its text too, hence every transaction.
      editor.on('transaction', onChange);
      return () => {
        editor.off('transaction', onChange);
      };
    },
    quote() {
      if (!editor || editor.isDestroyed) return null;
      const { doc, selection } = editor.state;
      const { from, to } = selection;
      // Documents are immutable: the same one with the same range has the same text, so a render
      // does not walk a long selection again.
      if (seen && seen.doc === doc && seen.from === from && seen.to === to) return seen.text;
      const text = selection.empty ? null : doc.textBetween(from, to, ' ').trim() || null;
      seen = { doc, from, to, text };
      return text;
    },
    anchor: () => (editor && !editor.isDestroyed ? anchorOf(editor) : null),
  };
}

/** The selected passage now; re-renders only its caller when it changes. */
export function useSelectedQuote(source: PassageSource | undefined): string | null {
  return useSyncExternalStore(source?.subscribe ?? noSubscription, source?.quote ?? nothing);
}

const noSubscription = () => () => undefined;
const nothing = () => null;
