import { type Editor, Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { resolveAnchor } from './anchors';

export interface HighlightAnchor {
  id: string;
  start?: string | null;
  end?: string | null;
}

const key = new PluginKey<DecorationSet>('commentHighlights');

/**
 * Marks the passages open comments are about. Between two resolutions the marks move with the
 * text; they are resolved again from the Yjs relative positions whenever comments change or a
 * co-author's edit arrives (which replaces the document wholesale on the ProseMirror side).
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) =>
            (tr.getMeta(key) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Resolves every anchor against the current text and shows the passages that still exist. */
export function highlightAnchors(editor: Editor, anchors: readonly HighlightAnchor[]): void {
  if (editor.isDestroyed) return;
  const decorations = anchors.flatMap((a) => {
    const range = resolveAnchor(editor, a);
    return range
      ? [
          Decoration.inline(range.from, range.to, {
            class: 'comment-anchor',
            'data-comment-id': a.id,
          }),
        ]
      : [];
  });
  editor.view.dispatch(
    editor.state.tr
      .setMeta(key, DecorationSet.create(editor.state.doc, decorations))
      .setMeta('addToHistory', false),
  );
}
