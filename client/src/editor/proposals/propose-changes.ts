import {
  deletion,
  insertion,
  isSuggestChangesEnabled,
  modification,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { Extension, Mark, Node } from '@tiptap/core';
import type { MarkType, Mark as PmMark, Node as PmNode, Slice } from '@tiptap/pm/model';
import { Fragment, Slice as PmSlice } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddNodeMarkStep } from '@tiptap/pm/transform';

/** The marks of a proposal (the library's names; the server reads them from the Yjs document). */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;

/**
 * A proposal's id is `<userId>:<random>`: the server refuses a mark whose id does not start with
 * its sender's id (MARK_NOT_YOURS), and reads who proposed it from there.
 */
export function newProposalId(userId: string): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  const random = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `${userId}:${random}`;
}

/** The user id a proposal's id starts with (null for an id of another format). */
export function authorOfProposal(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const at = id.indexOf(':');
  return at > 0 ? id.slice(0, at) : null;
}

const idAttribute = {
  id: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-proposal') ?? null,
    // data-author lets the page colour a proposal by its delegation with one style rule per author.
    renderHTML: (attrs: Record<string, unknown>) => ({
      'data-proposal': String(attrs.id ?? ''),
      'data-author': authorOfProposal(attrs.id) ?? '',
    }),
  },
};

/** TipTap marks over the library's MarkSpecs (same names, same exclusions, same attributes). */
export const InsertionMark = Mark.create({
  name: 'insertion',
  inclusive: insertion.inclusive ?? false,
  excludes: insertion.excludes,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: 'ins[data-proposal]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', { ...HTMLAttributes, class: 'proposal-ins' }, 0],
});

export const DeletionMark = Mark.create({
  name: 'deletion',
  inclusive: deletion.inclusive ?? false,
  excludes: deletion.excludes,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: 'del[data-proposal]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', { ...HTMLAttributes, class: 'proposal-del' }, 0],
});

export const ModificationMark = Mark.create({
  name: 'modification',
  inclusive: modification.inclusive ?? false,
  excludes: modification.excludes,
  addAttributes: () => ({
    ...idAttribute,
    type: { default: null, rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: 'span[data-proposal][data-modification]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    { ...HTMLAttributes, 'data-modification': '', class: 'proposal-mod' },
    0,
  ],
});

/**
 * The document, allowing the suggestion marks on its blocks (the library marks a whole struck or
 * added paragraph with a node mark; without this, such an edit throws). It replaces StarterKit's
 * (`document: false` there). The node marks themselves are turned into marks on the words below.
 */
export const ProposalDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'block+',
  marks: SUGGESTION_MARKS.join(' '),
});

const suggestionTypes = (state: EditorState): MarkType[] =>
  SUGGESTION_MARKS.map((n) => state.schema.marks[n]).filter((t): t is MarkType => !!t);

const isSuggestion = (types: MarkType[], mark: PmMark) => types.includes(mark.type);

/**
 * What the library does that our contract does not allow, put right in the same transaction:
 * - it reuses the id of a neighbouring proposal (or gives the neighbour its own id), which would
 *   make one delegation's words another's: new marks of someone else's id get one of ours, and
 *   marks it re-numbered get their id back;
 * - new content in Edit mode keeps the proposal marks of the text it was typed into: they go
 *   (the server would refuse the whole edit with MARK_NOT_YOURS);
 * - whole blocks get node marks, which Yjs (y-prosemirror) does not store: their text gets the
 *   mark instead, so others see the proposal too.
 */
export function keepProposalsOwned(
  before: EditorState,
  tr: Transaction,
  userId: string,
  proposing: boolean,
): Transaction {
  if (!tr.docChanged) return tr;
  const types = suggestionTypes(before);
  const mine = (id: unknown) => typeof id === 'string' && id.startsWith(`${userId}:`);
  const stepCount = tr.steps.length;
  // Node marks to inline marks.
  for (let i = 0; i < stepCount; i += 1) {
    const step = tr.steps[i];
    if (!(step instanceof AddNodeMarkStep) || !isSuggestion(types, step.mark)) continue;
    const pos = tr.mapping.slice(i + 1).map(step.pos);
    const node = tr.doc.nodeAt(pos);
    if (!node) continue;
    tr.removeNodeMark(pos, step.mark);
    if (node.content.size > 0) tr.addMark(pos + 1, pos + node.nodeSize - 1, step.mark);
  }
  // The range the transaction touched, in the final document.
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  tr.steps.forEach((step, i) => {
    const later = tr.mapping.slice(i + 1);
    const json = step.toJSON() as { from?: number; to?: number };
    if (typeof json.from === 'number' && typeof json.to === 'number') {
      from = Math.min(from, later.map(json.from, -1));
      to = Math.max(to, later.map(step.getMap().map(json.to, 1), 1));
    }
    step.getMap().forEach((_os, _oe, ns, ne) => {
      from = Math.min(from, later.map(ns, -1));
      to = Math.max(to, later.map(ne, 1));
    });
  });
  if (!(from < to)) return tr;
  from = Math.max(0, from);
  to = Math.min(tr.doc.content.size, to);
  const back = tr.mapping.invert();
  const fresh = new Map<string, string>();
  const ownId = (foreign: string) => {
    const id = fresh.get(foreign) ?? newProposalId(userId);
    fresh.set(foreign, id);
    return id;
  };
  const fixes: { from: number; to: number; type: MarkType; mark: PmMark | null }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    for (let p = start; p < end; p += 1) {
      const a = back.mapResult(p, 1);
      const b = back.mapResult(p + 1, -1);
      const old: PmNode | null =
        !a.deleted && b.pos - a.pos === 1 ? before.doc.nodeAt(a.pos) : null;
      for (const type of types) {
        const now = type.isInSet(node.marks);
        const was = old ? type.isInSet(old.marks) : undefined;
        let want: PmMark | null | undefined;
        if (was && now && was.attrs.id !== now.attrs.id) want = was;
        else if (now && !mine(now.attrs.id) && !(was && was.attrs.id === now.attrs.id))
          want = proposing ? type.create({ ...now.attrs, id: ownId(String(now.attrs.id)) }) : null;
        if (want === undefined) continue;
        const last = fixes[fixes.length - 1];
        if (
          last &&
          last.to === p &&
          last.type === type &&
          last.mark?.eq(want as PmMark) !== false &&
          (last.mark === null) === (want === null)
        )
          last.to = p + 1;
        else fixes.push({ from: p, to: p + 1, type, mark: want });
      }
    }
    return false;
  });
  for (const f of fixes) {
    if (f.mark) tr.addMark(f.from, f.to, f.mark);
    else tr.removeMark(f.from, f.to, f.type);
  }
  return tr;
}

/** A pasted proposal of someone else becomes plain text (its marks would carry their id). */
export function stripForeign(slice: Slice, userId: string): Slice {
  const map = (fragment: Fragment): Fragment => {
    const nodes: PmNode[] = [];
    fragment.forEach((node) => {
      if (node.isText) {
        const marks = node.marks.filter(
          (m) =>
            !(SUGGESTION_MARKS as readonly string[]).includes(m.type.name) ||
            (typeof m.attrs.id === 'string' && m.attrs.id.startsWith(`${userId}:`)),
        );
        nodes.push(node.mark(marks));
      } else nodes.push(node.copy(map(node.content)));
    });
    return Fragment.fromArray(nodes);
  };
  return new PmSlice(map(slice.content), slice.openStart, slice.openEnd);
}

export interface ProposeChangesOptions {
  userId: string;
}

/**
 * Propose mode: while on, the library's `transformToSuggestionTransaction` turns each edit into
 * marks (insertions kept, deletions struck) instead of changing the text, the way its
 * `withSuggestChanges` decorator does; TipTap owns the EditorView, so it runs in TipTap's
 * extension dispatch chain rather than as the view's dispatchTransaction.
 */
export const ProposeChanges = Extension.create<ProposeChangesOptions>({
  name: 'proposeChanges',
  addOptions: () => ({ userId: '' }),
  addExtensions: () => [ProposalDocument, InsertionMark, DeletionMark, ModificationMark],
  addProseMirrorPlugins() {
    const userId = this.options.userId;
    return [
      suggestChanges(),
      new Plugin({
        key: new PluginKey('proposalPaste'),
        props: { transformPasted: (slice) => stripForeign(slice, userId) },
      }),
    ];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const userId = this.options.userId;
    const ySync = (transaction.getMeta('y-sync$') ?? {}) as {
      isUndoRedoOperation?: boolean;
      isChangeOrigin?: boolean;
    };
    // A co-author's change arriving through Yjs, or an undo: never re-tracked (the library's rule).
    if (ySync.isChangeOrigin || ySync.isUndoRedoOperation || !transaction.docChanged) {
      next(transaction);
      return;
    }
    const skip = 'skip' in ((transaction.getMeta(suggestChangesKey) ?? {}) as object);
    const proposing = isSuggestChangesEnabled(state) && !skip;
    const tracked = proposing
      ? transformToSuggestionTransaction(transaction, state, () => newProposalId(userId))
      : transaction;
    next(keepProposalsOwned(state, tracked, userId, proposing));
  },
});

/** Turns propose mode on or off (a transaction of its own; changes no text). */
export function setProposing(
  editor: { state: EditorState; view: { dispatch: (tr: Transaction) => void } },
  on: boolean,
): void {
  if (isSuggestChangesEnabled(editor.state) === on) return;
  editor.view.dispatch(
    editor.state.tr.setMeta(suggestChangesKey, { enabled: on }).setMeta('addToHistory', false),
  );
}

export { isSuggestChangesEnabled };
