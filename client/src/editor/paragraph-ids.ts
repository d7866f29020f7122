import { isChangeOrigin } from '@tiptap/extension-collaboration';
import UniqueID from '@tiptap/extension-unique-id';
import type { Plugin } from '@tiptap/pm/state';

/** The block attribute holding a paragraph's lasting id (the server's PARAGRAPH_ID_ATTR). */
export const PARAGRAPH_ID_ATTR = 'pid';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A short random id (10 characters, about 60 bits): enough within one draft. */
export function newParagraphId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

/**
 * Gives each block a person creates (paragraph, heading, list) a lasting id, in the `pid`
 * attribute the server reads. Only a person's own edits give ids: opening a draft must never
 * edit it (readers cannot write, and an opening is not an edit), so UniqueID's id generation for
 * the whole document once synced is switched off (it would run on the first Yjs sync, or on the
 * caret provider's `synced` event, which our awareness-only provider object does not have), and
 * co-authors' changes arriving through Yjs are left alone: their author gave the ids. Blocks
 * without one (older drafts, raw clients) get theirs from the server.
 */
export const ParagraphIds = UniqueID.extend({
  onCreate() {
    // No initial generation (see above).
  },
  addProseMirrorPlugins() {
    // TipTap passes the parent's hook in `this` (its extension typings leave it out here).
    const { parent } = this as unknown as { parent?: () => Plugin[] };
    const plugins = parent?.() ?? [];
    // Set by the parent when Collaboration has no provider: the first Yjs sync would then give
    // every block without an id one, an edit by whoever opens the draft.
    this.storage.needsInitialIdGeneration = false;
    return plugins;
  },
}).configure({
  attributeName: PARAGRAPH_ID_ATTR,
  types: ['paragraph', 'heading', 'bulletList', 'orderedList'],
  generateID: () => newParagraphId(),
  filterTransaction: (tr) => !isChangeOrigin(tr),
});
