import { ExportView, type ListBlock, outlineOf, runsText } from '../documents/document-outline';
import { inline, list } from '../documents/html-writer';
import { bytesOf, docOf } from '../versions/draft-text';
import type { ConsultationBlockData } from './consultation.data';

const listText = (block: ListBlock): string =>
  block.items
    .map((item) => [runsText(item.runs), ...item.lists.map(listText)].join('\n'))
    .join('\n');

/**
 * The consulted text: the frozen version's state, read as the clean document (brackets' first
 * option, no proposals), since what delegations negotiate inside the text (proposals and their
 * authors) is the Committee's own business.
 */
export function consultationBlocks(
  state: Buffer | Uint8Array | { buffer: Uint8Array },
): ConsultationBlockData[] {
  const doc = docOf(bytesOf(state));
  try {
    return outlineOf(doc, ExportView.CLEAN).map((block): ConsultationBlockData => {
      if (block.kind === 'heading')
        return {
          kind: 'HEADING',
          level: block.level,
          number: null,
          html: inline(block.runs),
          text: runsText(block.runs),
        };
      if (block.kind === 'list')
        return { kind: 'LIST', level: 0, number: null, html: list(block), text: listText(block) };
      return {
        kind: 'PARAGRAPH',
        level: 0,
        number: block.number,
        html: inline(block.runs),
        text: runsText(block.runs),
      };
    });
  } finally {
    doc.destroy();
  }
}
