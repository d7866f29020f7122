import type * as Y from 'yjs';
import { type MarkedRun, readMarkedRuns } from './document-blocks';

/** The mark a bracket is (attrs `{ id, alternatives }`); it excludes itself, so it never nests. */
export const BRACKET_MARK = 'bracket';

/**
 * A bracket mark's id: `<userId>:<random>`, the user id of who bracketed (the server refuses a
 * mark with someone else's id, so it can be trusted), then 8 or more url-safe characters.
 */
export const BRACKET_ID = /^([0-9a-f]{24}):[A-Za-z0-9_-]{8,64}$/;

/** One bracketed passage: every run of text carrying a bracket mark with the same id. */
export interface DocumentBracket {
  id: string;
  /** Who bracketed it (from its id), null when the id is not of the expected form. */
  userId: string | null;
  /** Option A: the bracketed text itself, its runs joined. */
  text: string;
  /** Options B, C…: strings only, as many as the mark holds. */
  alternatives: string[];
  /** The top-level block of its first run. */
  paragraphId: string | null;
  paragraphNumber: number | null;
  runs: MarkedRun[];
}

function alternativesOf(attrs: Record<string, unknown>): string[] {
  const raw = attrs.alternatives;
  return Array.isArray(raw) ? raw.filter((a): a is string => typeof a === 'string') : [];
}

/** The document's brackets in the order they start; runs with one id are one bracket. */
export function readBrackets(doc: Y.Doc): DocumentBracket[] {
  const byId = new Map<string, DocumentBracket>();
  for (const run of readMarkedRuns(doc, [BRACKET_MARK])) {
    const id = typeof run.attrs.id === 'string' ? run.attrs.id : '';
    if (!id) continue;
    const known = byId.get(id);
    if (known) {
      known.text += run.text;
      known.runs.push(run);
      continue;
    }
    byId.set(id, {
      id,
      userId: BRACKET_ID.exec(id)?.[1] ?? null,
      text: run.text,
      alternatives: alternativesOf(run.attrs),
      paragraphId: run.block.id,
      paragraphNumber: run.block.number,
      runs: [run],
    });
  }
  return [...byId.values()];
}

/** How many brackets are open in the whole document. */
export function countOpenBrackets(doc: Y.Doc): number {
  return readBrackets(doc).length;
}

/**
 * Open brackets per top-level block (by its lasting id; blocks without an id are left out). A
 * bracket spanning two blocks counts in each.
 */
export function openBracketsByParagraph(doc: Y.Doc): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const run of readMarkedRuns(doc, [BRACKET_MARK])) {
    const id = typeof run.attrs.id === 'string' ? run.attrs.id : '';
    if (!id || !run.block.id) continue;
    let ids = seen.get(run.block.id);
    if (!ids) {
      ids = new Set();
      seen.set(run.block.id, ids);
    }
    ids.add(id);
  }
  return new Map([...seen].map(([block, ids]) => [block, ids.size]));
}
