import * as Y from 'yjs';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../../core/document-blocks';
import { ExportView, type OutlineBlock, outlineOf, type Run } from '../documents/document-outline';
import { outlineNodes } from '../documents/outline-to-yjs';
import { docOf } from '../versions/draft-text';

/** A section as the report's text holds it: its heading (found again by its lasting id) and text. */
export interface SectionText {
  heading: string;
  headingId: string;
  /** The frozen state of the source version. */
  state: Uint8Array;
}

/** Runs as the report takes them: a proposal not decided is not in the text (as in the clean view). */
const reportRuns = (runs: Run[]): Run[] =>
  runs.filter((r) => r.change !== 'insertion').map((r) => ({ ...r, change: null }));

function reportBlock(block: OutlineBlock): OutlineBlock {
  switch (block.kind) {
    // Under the section's heading (level 1), the source's own headings go one level down.
    case 'heading':
      return { ...block, level: Math.min(block.level + 1, 6), runs: reportRuns(block.runs) };
    case 'paragraph':
      return { ...block, runs: reportRuns(block.runs) };
    case 'list':
      return {
        ...block,
        items: block.items.map((item) => ({
          runs: reportRuns(item.runs),
          lists: item.lists.map((l) => reportBlock(l) as typeof l),
        })),
      };
  }
}

/**
 * A source version's text as report blocks. It is rebuilt from the document's structure, not
 * copied: marks that name people (brackets, proposals) would otherwise be set in the compiler's
 * update under others' names (refused as MARK_NOT_YOURS) and carry the source's block ids.
 * Brackets stay visible as literal [ … / … ]; proposals not yet accepted are left out.
 */
export function sectionBlocks(state: Uint8Array): OutlineBlock[] {
  const doc = docOf(state);
  try {
    return outlineOf(doc, ExportView.MARKED).map(reportBlock);
  } finally {
    doc.destroy();
  }
}

function sectionNodes(section: SectionText): Y.XmlElement[] {
  const [heading] = outlineNodes([
    {
      kind: 'heading',
      level: 1,
      runs: [{ text: section.heading, bold: false, italic: false, change: null, lineBreak: false }],
    },
  ]);
  heading.setAttribute(PARAGRAPH_ID_ATTR, section.headingId);
  return [heading, ...outlineNodes(sectionBlocks(section.state))];
}

/** The whole text of a new report, its sections in order, as one update of a fresh Yjs client. */
export function compileUpdate(sections: SectionText[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment(CONTENT_FIELD).insert(0, sections.flatMap(sectionNodes));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * The update that replaces one section's blocks in the report's current text (`current`) by a
 * newer source version's, keeping its heading (and whatever was written in it) and every other
 * section. A section runs from its heading to the next section's heading (`headingIds`: all of
 * them). Null when its heading is no longer in the text: the section cannot be found.
 */
export function takeInUpdate(
  current: Uint8Array,
  section: SectionText,
  headingIds: string[],
): Uint8Array | null {
  const doc = docOf(current);
  try {
    const before = Y.encodeStateVector(doc);
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    const pids = fragment
      .toArray()
      .map((n) => (n instanceof Y.XmlElement ? n.getAttribute(PARAGRAPH_ID_ATTR) : undefined));
    const start = pids.indexOf(section.headingId);
    if (start < 0) return null;
    const others = new Set(headingIds.filter((id) => id !== section.headingId));
    let end = start + 1;
    while (end < pids.length && !others.has(pids[end] ?? '')) end += 1;
    doc.transact(() => {
      if (end > start + 1) fragment.delete(start + 1, end - start - 1);
      const nodes = outlineNodes(sectionBlocks(section.state));
      if (nodes.length > 0) fragment.insert(start + 1, nodes);
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
