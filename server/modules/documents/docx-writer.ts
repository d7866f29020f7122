import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { DocumentMeta } from './document-meta';
import type { ListBlock, OutlineBlock, Run } from './document-outline';

const PARAGRAPHS = 'paragraphs';
const ORDERED = 'ordered-list';
const BULLETS = 'bullets';
const FONT = 'Times New Roman';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

const textRuns = (runs: Run[]): TextRun[] =>
  runs.map((r) =>
    r.lineBreak
      ? new TextRun({ break: 1 })
      : new TextRun({
          text: r.text,
          bold: r.bold,
          italics: r.italic,
          // Proposals as Word shows tracked changes: insertions underlined, deletions struck.
          underline: r.change === 'insertion' ? {} : undefined,
          strike: r.change === 'deletion',
          color:
            r.change === 'insertion' ? '1B5E20' : r.change === 'deletion' ? 'A4262C' : undefined,
        }),
  );

/**
 * Word numbering: real list levels, so that numbers follow when a paragraph is added in Word.
 * Numbered lists start one level down (1. then a)…): the first level is the paragraphs' own, as
 * the import reads it back.
 */
const levels = (kind: 'paragraphs' | 'ordered' | 'bullet') =>
  [0, 1, 2, 3, 4].map((level) => {
    const depth = kind === 'ordered' ? Math.max(level - 1, 0) : level;
    return {
      level,
      format:
        kind === 'bullet'
          ? LevelFormat.BULLET
          : depth % 2 === 0
            ? LevelFormat.DECIMAL
            : LevelFormat.LOWER_LETTER,
      text:
        kind === 'bullet'
          ? depth % 2 === 0
            ? '•'
            : '◦'
          : `%${level + 1}${depth % 2 === 0 ? '.' : ')'}`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (depth + 1), hanging: 360 } } },
    };
  });

class Body {
  readonly paragraphs: Paragraph[] = [];
  private listInstance = 0;

  add(block: OutlineBlock): void {
    if (block.kind === 'heading') {
      this.paragraphs.push(
        new Paragraph({ heading: HEADINGS[block.level - 1], children: textRuns(block.runs) }),
      );
    } else if (block.kind === 'paragraph') {
      this.paragraphs.push(
        new Paragraph({
          children: textRuns(block.runs),
          numbering: block.number === null ? undefined : { reference: PARAGRAPHS, level: 0 },
          spacing: { after: 120 },
          alignment: AlignmentType.JUSTIFIED,
        }),
      );
    } else {
      this.listInstance += 1;
      this.list(block, 0, this.listInstance);
    }
  }

  private list(list: ListBlock, level: number, instance: number): void {
    for (const item of list.items) {
      this.paragraphs.push(
        new Paragraph({
          children: textRuns(item.runs),
          numbering: {
            reference: list.ordered ? ORDERED : BULLETS,
            level: list.ordered ? Math.min(level + 1, 4) : Math.min(level, 4),
            instance,
          },
        }),
      );
      for (const nested of item.lists) this.list(nested, level + 1, instance);
    }
  }
}

const small = (text: string, bold = false) => new TextRun({ text, size: 18, bold });

/** A Word document of a draft: headings, numbered paragraphs, lists, and the Committee's header. */
export async function writeDocx(meta: DocumentMeta, blocks: OutlineBlock[]): Promise<Buffer> {
  const body = new Body();
  for (const block of blocks) body.add(block);
  const right = [meta.symbol, meta.date, meta.language].filter((x): x is string => !!x);
  const doc = new Document({
    creator: meta.committee,
    title: meta.title,
    description: meta.symbol ?? undefined,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    numbering: {
      config: [
        { reference: PARAGRAPHS, levels: levels('paragraphs') },
        { reference: ORDERED, levels: levels('ordered') },
        { reference: BULLETS, levels: levels('bullet') },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              ...(meta.draftMark
                ? [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [
                        new TextRun({
                          text: meta.draftMark.toUpperCase(),
                          bold: true,
                          color: 'A4262C',
                        }),
                      ],
                    }),
                  ]
                : []),
              new Paragraph({ children: [small(meta.committee, true)] }),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: right.flatMap((text, i) =>
                  i === 0 ? [small(text)] : [new TextRun({ break: 1 }), small(text)],
                ),
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: meta.title })],
          }),
          ...(meta.version || meta.viewNote
            ? [
                new Paragraph({
                  children: [meta.version, meta.viewNote]
                    .filter((x): x is string => !!x)
                    .map(
                      (text, i) =>
                        new TextRun({ text: i === 0 ? text : ` — ${text}`, italics: true }),
                    ),
                }),
              ]
            : []),
          ...body.paragraphs,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
