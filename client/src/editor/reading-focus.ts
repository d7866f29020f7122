import { type Editor, Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** The attribute giving each top-level block its lasting id (as server/core/document-blocks.ts). */
export const PARAGRAPH_ID_ATTR = 'pid';

interface FocusState {
  /** The lasting id of the paragraph under reading this person follows; null: none shown. */
  pid: string | null;
  decorations: DecorationSet;
}

const key = new PluginKey<FocusState>('readingFocus');

/** The Yjs fragment the editor is bound to (y-prosemirror's sync plugin holds it). */
function fragmentOf(state: EditorState): Y.XmlFragment | null {
  const sync = ySyncPluginKey.getState(state) as { type?: unknown } | undefined;
  return sync?.type instanceof Y.XmlFragment ? sync.type : null;
}

/**
 * Where the top-level block with that lasting id is. Its ProseMirror attribute when the schema
 * carries ids; otherwise (ids kept only in the Yjs document) by its place among the Yjs
 * fragment's blocks, which y-prosemirror mirrors one for one, as long as both have as many.
 */
function locate(state: EditorState, doc: PMNode, pid: string): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.attrs[PARAGRAPH_ID_ATTR] === pid)
      found = { from: offset, to: offset + node.nodeSize };
  });
  if (found) return found;
  const fragment = fragmentOf(state);
  if (!fragment || fragment.length !== doc.childCount) return null;
  const index = fragment
    .toArray()
    .findIndex((el) => el instanceof Y.XmlElement && el.getAttribute(PARAGRAPH_ID_ATTR) === pid);
  if (index < 0) return null;
  let from = 0;
  for (let i = 0; i < index; i += 1) from += doc.child(i).nodeSize;
  return { from, to: from + doc.child(index).nodeSize };
}

function decorate(state: EditorState, doc: PMNode, pid: string | null): DecorationSet | null {
  if (!pid) return DecorationSet.empty;
  const range = locate(state, doc, pid);
  if (!range) return null;
  return DecorationSet.create(doc, [
    Decoration.node(range.from, range.to, {
      class: 'reading-current',
      'data-reading-current': 'true',
    }),
  ]);
}

/**
 * Highlights the paragraph under reading that this person follows (a decoration: nothing is
 * written in the shared document). Found again by its lasting id on every change of the text, so
 * the highlight stays on the paragraph when co-authors add or remove others above it.
 */
export const ReadingFocus = Extension.create({
  name: 'readingFocus',
  addProseMirrorPlugins() {
    return [
      new Plugin<FocusState>({
        key,
        state: {
          init: () => ({ pid: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => {
            const meta = tr.getMeta(key) as { pid: string | null } | undefined;
            if (meta === undefined && !tr.docChanged) return value;
            const pid = meta ? meta.pid : value.pid;
            // Not found after an edit (the Yjs side may be a step behind a local one): keep it
            // mapped. Not found when asked for: the text no longer holds it, nothing to show.
            const found = decorate(state, tr.doc, pid);
            const decorations =
              found ?? (meta ? DecorationSet.empty : value.decorations.map(tr.mapping, tr.doc));
            return { pid, decorations };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
      }),
    ];
  },
});

/** Shows (or, with null, hides) the paragraph under reading; scrolls it into view if asked. */
export function showReadingParagraph(
  editor: Editor,
  pid: string | null,
  { scroll }: { scroll: boolean },
): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, { pid }).setMeta('addToHistory', false));
  if (!scroll || !pid) return;
  const dom = editor.view.dom.querySelector('[data-reading-current]');
  if (!(dom instanceof HTMLElement)) return;
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  dom.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
}

/**
 * The lasting ids and numbers of the draft's paragraphs a reading goes through, in order:
 * numbered top-level paragraphs that have an id (as the server's `readableParagraphs`).
 */
export function readableParagraphs(editor: Editor): { id: string; number: number }[] {
  const fragment = fragmentOf(editor.state);
  if (!fragment) return [];
  const out: { id: string; number: number }[] = [];
  let number = 0;
  for (const el of fragment.toArray()) {
    if (!(el instanceof Y.XmlElement) || el.nodeName !== 'paragraph') continue;
    number += 1;
    const id = el.getAttribute(PARAGRAPH_ID_ATTR);
    if (typeof id === 'string' && id) out.push({ id, number });
  }
  return out;
}
