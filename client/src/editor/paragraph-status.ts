import { type Editor, Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { PARAGRAPH_ID_ATTR } from './paragraph-ids';
import './paragraph-status.css';

/** How one paragraph is shown: its status's class and words, and whether its text is locked. */
export interface ShownParagraph {
  id: string;
  /** OPEN, BRACKETED, AGREED_AD_REF, AGREED, PARKED (lower-cased into a class). */
  status: string;
  /** The badge's words ("Agreed", "Agreed ad ref. · confirm by 12 Dec"…). */
  label: string;
  locked: boolean;
  overdue: boolean;
}

interface StatusState {
  byId: Map<string, ShownParagraph>;
  /** Locked paragraphs refuse this person's edits (they may not set paragraph status). */
  protect: boolean;
  decorations: DecorationSet;
}

const key = new PluginKey<StatusState>('paragraphStatus');

function decorate(doc: PmNode, byId: Map<string, ShownParagraph>, protect: boolean): DecorationSet {
  if (byId.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    const shown = byId.get(node.attrs[PARAGRAPH_ID_ATTR] as string);
    if (!shown || shown.status === 'OPEN') return;
    const locked = shown.locked && protect;
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, {
        class: `para-status para-${shown.status.toLowerCase().replace(/_/g, '-')}${
          shown.overdue ? ' para-overdue' : ''
        }${locked ? ' para-locked' : ''}`,
        'data-status-label': shown.label,
        title: shown.label,
        // The browser does not let the caret type into it; filterTransaction below catches
        // the rest (paste over a selection, deleting across it, commands).
        ...(locked ? { contenteditable: 'false' } : {}),
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/** Positions a step covers in the document before it. */
function stepRange(tr: Transaction, i: number): [number, number] | null {
  const step = tr.steps[i] as unknown as { from?: number; to?: number; pos?: number };
  if (typeof step.from === 'number' && typeof step.to === 'number') return [step.from, step.to];
  if (typeof step.pos === 'number') return [step.pos, step.pos + 1];
  return null;
}

/** Whether a local transaction changes a top-level block that is locked. */
function touchesLocked(tr: Transaction, locked: Set<string>): boolean {
  for (let i = 0; i < tr.steps.length; i += 1) {
    const range = stepRange(tr, i);
    if (!range) return true;
    const doc = tr.docs[i];
    let hit = false;
    // Top level only: a block's id is on the top-level node. An insertion exactly between two
    // blocks touches neither (a new paragraph between agreed ones is allowed, as at the server).
    doc.forEach((node, offset) => {
      if (hit) return;
      const end = offset + node.nodeSize;
      const inside =
        range[0] === range[1]
          ? range[0] > offset && range[0] < end
          : range[0] < end && range[1] > offset;
      if (inside && locked.has(node.attrs[PARAGRAPH_ID_ATTR] as string)) hit = true;
    });
    if (hit) return true;
  }
  return false;
}

/**
 * Shows each paragraph's status in the margin and keeps a person who may not set paragraph
 * status out of agreed paragraphs: decorations mark them, and this person's own transactions
 * touching them are dropped before they reach Yjs (the server refuses them anyway, with
 * PARAGRAPH_LOCKED; this spares the refusal). Co-authors' changes arriving through Yjs pass.
 */
export const ParagraphStatusMarks = Extension.create({
  name: 'paragraphStatus',
  addProseMirrorPlugins() {
    return [
      new Plugin<StatusState>({
        key,
        state: {
          init: () => ({ byId: new Map(), protect: false, decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const next = tr.getMeta(key) as Omit<StatusState, 'decorations'> | undefined;
            if (next) return { ...next, decorations: decorate(state.doc, next.byId, next.protect) };
            if (!tr.docChanged) return value;
            return { ...value, decorations: decorate(state.doc, value.byId, value.protect) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
        filterTransaction(tr, state) {
          if (!tr.docChanged || isChangeOrigin(tr) || tr.getMeta('y-sync$')) return true;
          const current = key.getState(state);
          if (!current?.protect) return true;
          const locked = new Set(
            [...current.byId.values()].filter((p) => p.locked).map((p) => p.id),
          );
          return locked.size === 0 || !touchesLocked(tr, locked);
        },
      }),
    ];
  },
});

/** Gives the editor the paragraphs' statuses (read from the server) and whether to lock them. */
export function showParagraphStatuses(
  editor: Editor,
  paragraphs: readonly ShownParagraph[],
  protect: boolean,
): void {
  if (editor.isDestroyed) return;
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  editor.view.dispatch(
    editor.state.tr.setMeta(key, { byId, protect }).setMeta('addToHistory', false),
  );
}
