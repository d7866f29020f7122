import * as Y from 'yjs';
import type { ListBlock, OutlineBlock, Run } from './document-outline';

/** Inline content as the editor stores it: text with bold and italic marks, hard breaks. */
function inline(runs: Run[]): (Y.XmlText | Y.XmlElement)[] {
  const out: (Y.XmlText | Y.XmlElement)[] = [];
  let text: Y.XmlText | null = null;
  let at = 0;
  for (const run of runs) {
    if (run.lineBreak) {
      out.push(new Y.XmlElement('hardBreak'));
      text = null;
      continue;
    }
    if (!run.text) continue;
    if (!text) {
      text = new Y.XmlText();
      at = 0;
      out.push(text);
    }
    // y-prosemirror's form of a mark: an attribute named after it holding its attributes.
    const marks: Record<string, object> = {};
    if (run.bold) marks.bold = {};
    if (run.italic) marks.italic = {};
    text.insert(at, run.text.replace(/\t/g, ' '), marks);
    at += run.text.length;
  }
  return out;
}

function element(name: string, children: (Y.XmlText | Y.XmlElement)[]): Y.XmlElement {
  const el = new Y.XmlElement(name);
  if (children.length > 0) el.insert(0, children);
  return el;
}

function list(block: ListBlock): Y.XmlElement {
  return element(
    block.ordered ? 'orderedList' : 'bulletList',
    block.items.map((item) =>
      element('listItem', [element('paragraph', inline(item.runs)), ...item.lists.map(list)]),
    ),
  );
}

/** The top-level elements of these blocks, not yet in a document (to insert into one). */
export function outlineNodes(blocks: OutlineBlock[]): Y.XmlElement[] {
  return blocks.map((block) => {
    if (block.kind === 'list') return list(block);
    const el = element(block.kind, inline(block.runs));
    if (block.kind === 'heading') el.setAttribute('level', block.level as unknown as string);
    return el;
  });
}

/** The update that writes these blocks as a new draft's text, made by a fresh Yjs client. */
export function outlineUpdate(blocks: OutlineBlock[], field: string): Uint8Array {
  const doc = new Y.Doc();
  const nodes = outlineNodes(blocks);
  doc.getXmlFragment(field).insert(0, nodes.length > 0 ? nodes : [element('paragraph', [])]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
