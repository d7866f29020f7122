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
    doc.transact(() => {
      // From the end: a deletion never moves the offsets of the runs still to do.
      for (const run of [...runs].reverse()) {
        const length = run.text.length || 1;
        const anchorOnly = run.text.length > 0 && run.text.replace(ZERO_WIDTH, '') === '';
        const goes =
          anchorOnly ||
          (accept && run.mark === 'deletion') ||
          (!accept && run.mark === 'insertion');
        if (goes) run.node.delete(run.offset, length);
        // Our marks exclude themselves, so y-prosemirror stores them under their plain name.
        else run.node.format(run.offset, length, { [run.mark]: null });
      }
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
