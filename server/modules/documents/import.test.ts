import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { connectEditor, type Editor, until } from '../../../test/helpers/editors';
import { buildDraft, workingGroupId } from '../../../test/helpers/factories';
import { startTestPlatform, type TestPlatform } from '../../../test/helpers/test-platform';
import { CONTENT_FIELD } from '../../core/document-blocks';
import { DraftModel } from '../drafts/draft.model';

interface Answer {
  status: number;
  body: {
    draft?: { id: string; title: string };
    errors?: { message: string; extensions: { code: string } }[];
  };
}

const DRAFT = `query($d: ID!) { draft(id: $d) { title titleFr: title(lang: FR) text
  paragraphs { number text } state } }`;

/** A paper as a delegation writes it in Word: a title, headings, numbered paragraphs, lists. */
async function delegationPaper(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'paras',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun('Non-paper on assistance')],
          }),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun('Conclusions')],
          }),
          new Paragraph({
            numbering: { reference: 'paras', level: 0 },
            children: [
              new TextRun('The Committee '),
              new TextRun({ text: 'stresses', bold: true }),
              new TextRun(' the value of '),
              new TextRun({ text: 'assistance', italics: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({
            numbering: { reference: 'paras', level: 0 },
            children: [new TextRun('States are invited to:')],
          }),
          new Paragraph({
            numbering: { reference: 'bullets', level: 0 },
            children: [new TextRun('report')],
          }),
          new Paragraph({
            numbering: { reference: 'bullets', level: 0 },
            children: [new TextRun('share practices')],
          }),
          new Paragraph({ children: [new TextRun('A closing line.')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('import of a Word document as a new draft', () => {
  let t: TestPlatform;
  let chair: string;
  let delegate: string;
  let group1: string;
  const editors: Editor[] = [];

  const upload = async (
    body: Buffer | string,
    query: Record<string, string> = {},
    token: string | null = chair,
  ): Promise<Answer> => {
    const params = new URLSearchParams({ workingGroupId: group1, ...query });
    const res = await fetch(`${t.url}/drafts/import?${params}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const read = async (id: string) => {
    const res = await t.gql<{
      draft: {
        title: string;
        titleFr: string;
        text: string;
        paragraphs: { number: number | null; text: string }[];
        state: string;
      };
    }>(DRAFT, { d: id }, chair);
    expect(res.errors).toBeUndefined();
    return res.data!.draft;
  };
  const fragment = (state: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(state, 'base64'));
    return doc.getXmlFragment(CONTENT_FIELD);
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    chair = await t.login('chair@committee.test');
    delegate = await t.login('delegate@committee.test');
    group1 = (await workingGroupId(1)).toHexString();
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('keeps headings, numbered paragraphs, lists, bold and italic, and takes the title from the paper', async () => {
    const res = await upload(await delegationPaper(), { fileName: 'non-paper.docx' });
    expect(res.status).toBe(201);
    const draft = await read(res.body.draft!.id);
    expect(draft.title).toBe('Non-paper on assistance');
    expect(draft.titleFr).toBe('Non-paper on assistance');
    expect(draft.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [null, 'Conclusions'],
      [1, 'The Committee stresses the value of assistance.'],
      [2, 'States are invited to:'],
      [null, 'report\nshare practices'],
      [3, 'A closing line.'],
    ]);
    const blocks = fragment(draft.state).toArray() as Y.XmlElement[];
    expect(blocks.map((b) => b.nodeName)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'bulletList',
      'paragraph',
    ]);
    const delta = (blocks[1].get(0) as Y.XmlText).toDelta() as {
      insert: string;
      attributes?: Record<string, unknown>;
    }[];
    expect(delta.find((d) => d.insert === 'stresses')!.attributes).toEqual({ bold: {} });
    expect(delta.find((d) => d.insert === 'assistance')!.attributes).toEqual({ italic: {} });
  });

  it('reads back what the platform exports (a round trip keeps the text and its numbering)', async () => {
    const source = await buildDraft(1);
    const editor = connectEditor(t.url, chair, source);
    editors.push(editor);
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', 2 as unknown as string);
    h.insert(0, [new Y.XmlText('Recommendations')]);
    const p = (s: string) => {
      const el = new Y.XmlElement('paragraph');
      el.insert(0, [new Y.XmlText(s)]);
      return el;
    };
    editor.doc
      .getXmlFragment(CONTENT_FIELD)
      .push([h, p('First recommendation.'), p('Second one.')]);
    await until(async () => (await read(source)).text.includes('Second one.'));
    const exported = await fetch(`${t.url}/drafts/${source}/export.docx?view=clean`, {
      headers: { authorization: `Bearer ${chair}` },
    });
    const res = await upload(Buffer.from(await exported.arrayBuffer()), {
      titleEn: 'Re-imported recommendations',
      titleFr: 'Recommandations réimportées',
    });
    expect(res.status).toBe(201);
    const copy = await read(res.body.draft!.id);
    expect(copy.titleFr).toBe('Recommandations réimportées');
    expect(copy.paragraphs.map((x) => [x.number, x.text])).toEqual([
      [null, 'Recommendations'],
      [1, 'First recommendation.'],
      [2, 'Second one.'],
    ]);
  });

  it('refuses what is not a Word document, a zip bomb, a file over the limit, and people who may not start a draft, creating nothing', async () => {
    const before = await DraftModel.countDocuments();
    const code = (a: Answer) => [a.status, a.body.errors?.[0].extensions.code];

    expect(code(await upload('just some text'))).toEqual([415, 'UNSUPPORTED_FILE']);
    const notWord = new JSZip();
    notWord.file('hello.txt', 'hello');
    expect(code(await upload(await notWord.generateAsync({ type: 'nodebuffer' })))).toEqual([
      415,
      'UNSUPPORTED_FILE',
    ]);
    // A real document part with 200 MB of zeros next to it, packed into a few hundred KB.
    const bomb = await JSZip.loadAsync(await delegationPaper());
    bomb.file('word/media/zeros.bin', Buffer.alloc(200 * 1024 * 1024));
    const packed = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(packed.length).toBeLessThan(2 * 1024 * 1024);
    const refused = await upload(packed);
    expect(code(refused)).toEqual([415, 'UNSUPPORTED_FILE']);
    expect(refused.body.errors![0].message).toMatch(/zip bomb/);
    expect(code(await upload(Buffer.alloc(11 * 1024 * 1024, 1)))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
    expect(code(await upload(await delegationPaper(), {}, null))).toEqual([401, 'UNAUTHENTICATED']);
    expect(code(await upload(await delegationPaper(), {}, delegate))).toEqual([403, 'FORBIDDEN']);
    expect(code(await upload(await delegationPaper(), { titleEn: 'ab' }))).toEqual([
      400,
      'BAD_USER_INPUT',
    ]);
    expect(code(await upload(await delegationPaper(), { workingGroupId: 'nope' }))).toEqual([
      400,
      'BAD_USER_INPUT',
    ]);
    expect(await DraftModel.countDocuments()).toBe(before);
  }, 60_000);
});
