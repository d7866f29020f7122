import { Types } from 'mongoose';
import * as Y from 'yjs';
import { type DocumentBlock, readMarkedRuns } from '../../core/document-blocks';
import { ProposalKind } from './proposal-status';

/** The marks of a proposal in the Yjs document (prosemirror-suggest-changes' names). */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;

/** The editor's invisible anchors at block boundaries: never part of a proposal's words. */
const ZERO_WIDTH = /\u200B/g;

/** A proposal as the document holds it: every run of its marks, gathered by their id. */
export interface ProposalInDocument {
  markId: string;
  authorId: Types.ObjectId | null;
  kind: ProposalKind;
  inserted: string;
  deleted: string;
  /** The block its first run is in. */
  block: DocumentBlock;
}

/** `<userId>:<random>` → the user id; null for an id of another shape (the mark is still shown). */
export function authorOfMark(markId: string): Types.ObjectId | null {
  const [user] = markId.split(':');
  return /^[0-9a-f]{24}$/i.test(user) && markId.length > 25 ? new Types.ObjectId(user) : null;
}

/**
 * The proposals of a document, in document order. Runs with the same id are one proposal (the
 * library gives an insertion and the deletion it replaces, made by one edit, the same id: a
 * replacement).
 */
export function readProposals(doc: Y.Doc): ProposalInDocument[] {
  const byId = new Map<string, ProposalInDocument & { modified: boolean }>();
  for (const run of readMarkedRuns(doc, [...SUGGESTION_MARKS])) {
    const id = run.attrs.id;
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const markId = String(id);
    let p = byId.get(markId);
    if (!p) {
      p = {
        markId,
        authorId: authorOfMark(markId),
        kind: ProposalKind.MODIFICATION,
        inserted: '',
        deleted: '',
        block: run.block,
        modified: false,
      };
      byId.set(markId, p);
    }
    const words = run.text.replace(ZERO_WIDTH, '');
    if (run.mark === 'insertion') p.inserted += words;
    else if (run.mark === 'deletion') p.deleted += words;
    else p.modified = true;
  }
  return [...byId.values()].map(({ modified: _m, ...p }) => ({
    ...p,
    kind:
      p.inserted && p.deleted
        ? ProposalKind.REPLACEMENT
        : p.inserted
          ? ProposalKind.INSERTION
          : p.deleted
            ? ProposalKind.DELETION
            : ProposalKind.MODIFICATION,
  }));
}

/**
 * Takes the marks `keys` of proposal `markId` off the text node, at the level of Yjs items: each
 * format item that starts one of its runs is deleted, and where the text before it carries
 * another proposal's mark of the same kind, a format item ending that one (value null) takes its
 * place. `YText.format(…, { key: null })` would do the same but also writes items restating the
 * previous value, the proposer's id, which the server refuses from anyone but the proposer
 * (MARK_NOT_YOURS): a decision must only ever write nulls and deletions.
 */
function unmark(tr: Y.Transaction, node: Y.XmlText, markId: string, keys: Set<string>): void {
  const inEffect = new Map<string, unknown>();
  const idOf = (value: unknown) =>
    value && typeof value === 'object' ? String((value as { id?: unknown }).id) : null;
  for (let item = node._start; item !== null; item = item.right as Y.Item | null) {
    if (item.deleted || !(item.content instanceof Y.ContentFormat)) continue;
    const { key, value } = item.content;
    const before = inEffect.get(key) ?? null;
    inEffect.set(key, value);
    if (!keys.has(key) || idOf(value) !== markId) continue;
    if (before !== null && idOf(before) !== markId) {
      const doc = tr.doc;
      const client = doc.clientID;
      const left = item.left;
      const ending = new Y.Item(
        Y.createID(client, Y.getState(doc.store, client)),
        left,
        left?.lastId ?? null,
        item,
        item.id,
        node,
        null,
        // A format item of value null ends the previous proposal's mark here.
        new Y.ContentFormat(key, null as unknown as object),
      );
      ending.integrate(tr, 0);
    }
    item.delete(tr);
    // What follows is now in effect as before this item.
    inEffect.set(key, before !== null && idOf(before) !== markId ? null : before);
  }
}

/**
 * The update that accepts (insertions lose their mark and stay, struck words go) or rejects
 * (inserted words go, struck words lose their mark and stay) one proposal, made on a copy of the
 * stored state by a new Yjs client; null when the document holds no mark of it. Formatting
 * proposals (modification marks) lose their mark either way: what they changed stays.
 */
export function decisionUpdate(
  state: Uint8Array,
  markId: string,
  accept: boolean,
): Uint8Array | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    const runs = readMarkedRuns(doc, [...SUGGESTION_MARKS]).filter(
      (r) => String(r.attrs.id) === markId,
    );
    if (runs.length === 0) return null;
    const goes = (run: (typeof runs)[number]) =>
      // The editor's zero-width anchors go either way.
      (run.text.length > 0 && run.text.replace(ZERO_WIDTH, '') === '') ||
      (accept && run.mark === 'deletion') ||
      (!accept && run.mark === 'insertion');
    const keep = new Set(accept ? ['insertion', 'modification'] : ['deletion', 'modification']);
    doc.transact((tr) => {
      // Format items take no room in the text: the runs' offsets stay right for the deletions.
      for (const node of new Set(runs.filter((r) => !goes(r)).map((r) => r.node)))
        unmark(tr, node, markId, keep);
      // From the end: a deletion never moves the offsets of the runs still to do.
      for (const run of [...runs].reverse())
        if (goes(run)) run.node.delete(run.offset, run.text.length || 1);
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
