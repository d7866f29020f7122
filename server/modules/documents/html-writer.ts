import type { DocumentMeta } from './document-meta';
import type { ListBlock, OutlineBlock, Run } from './document-outline';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A block's runs as inline HTML (escaped): also the consultation page's text. */
export const inline = (runs: Run[]): string =>
  runs
    .map((r) => {
      if (r.lineBreak) return '<br>';
      let html = escapeHtml(r.text);
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.italic) html = `<em>${html}</em>`;
      if (r.change === 'insertion') html = `<ins>${html}</ins>`;
      if (r.change === 'deletion') html = `<del>${html}</del>`;
      return html;
    })
    .join('');

export const list = (block: ListBlock): string => {
  const tag = block.ordered ? 'ol' : 'ul';
  const items = block.items
    .map((item) => `<li>${inline(item.runs)}${item.lists.map(list).join('')}</li>`)
    .join('');
  return `<${tag}>${items}</${tag}>`;
};

const blockHtml = (block: OutlineBlock): string => {
  if (block.kind === 'heading')
    return `<h${block.level + 1}>${inline(block.runs)}</h${block.level + 1}>`;
  if (block.kind === 'list') return list(block);
  if (block.number === null) return `<p>${inline(block.runs)}</p>`;
  return `<p class="numbered"><span class="number">${block.number}.</span>${inline(block.runs)}</p>`;
};

const STYLE = `
@page { size: A4; margin: 25mm 22mm 22mm 25mm; }
body { font-family: 'Liberation Serif', 'DejaVu Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.35; color: #000; }
header { display: flex; justify-content: space-between; font-size: 9pt; border-bottom: 1px solid #000; padding-bottom: 4pt; margin-bottom: 18pt; }
header .meta { text-align: right; }
.draft-mark { text-align: center; font-weight: bold; color: #a4262c; letter-spacing: 0.2em; font-size: 10pt; margin-bottom: 6pt; }
h1 { font-size: 15pt; margin: 0 0 6pt; }
.note { font-style: italic; margin: 0 0 12pt; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; }
h3, h4, h5, h6, h7 { font-size: 12pt; margin: 12pt 0 6pt; }
p { margin: 0 0 8pt; text-align: justify; }
p.numbered { padding-left: 10mm; text-indent: -10mm; }
p.numbered .number { display: inline-block; width: 10mm; text-indent: 0; }
ins { color: #1b5e20; }
del { color: #a4262c; }
`;

/** The same document as the Word export, as a page for the PDF renderer. */
export function writeHtml(meta: DocumentMeta, blocks: OutlineBlock[]): string {
  const right = [meta.symbol, meta.date, meta.language].filter((x): x is string => !!x);
  const note = [meta.version, meta.viewNote].filter((x): x is string => !!x).join(' — ');
  return `<!doctype html>
<html lang="${meta.lang}"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)}</title><style>${STYLE}</style></head>
<body>
${meta.draftMark ? `<div class="draft-mark">${escapeHtml(meta.draftMark.toUpperCase())}</div>` : ''}
<header><div><strong>${escapeHtml(meta.committee)}</strong></div><div class="meta">${right.map(escapeHtml).join('<br>')}</div></header>
<h1>${escapeHtml(meta.title)}</h1>
${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}
${blocks.map(blockHtml).join('\n')}
</body></html>`;
}
