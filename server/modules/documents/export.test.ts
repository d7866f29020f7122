import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import * as Y from 'yjs';
import { connectEditor, type Editor, until } from '../../../test/helpers/editors';
import { buildDraft } from '../../../test/helpers/factories';
import { startTestPlatform, type TestPlatform } from '../../../test/helpers/test-platform';
import { CONTENT_FIELD } from '../../core/document-blocks';
import { UserModel } from '../users/user.model';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/export');

/** A block as the editor stores it, with its inline runs (text and marks). */
function block(
  name: string,
  runs: [string, Record<string, unknown>?][],
  attrs: Record<string, string> = {},
): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const text = new Y.XmlText();
  let at = 0;
  for (const [s, marks] of runs) {
    text.insert(at, s, marks ?? {});
    at += s.length;
  }
  el.insert(0, [text]);
  return el;
}

function list(name: 'bulletList' | 'orderedList', items: string[]): Y.XmlElement {
  const el = new Y.XmlElement(name);
  el.insert(
    0,
    items.map((s) => {
      const li = new Y.XmlElement('listItem');
      li.insert(0, [block('paragraph', [[s]])]);
      return li;
    }),
  );
  return el;
}

interface Fetched {
  status: number;
  type: string | null;
  body: Buffer;
}

describe('export of a draft as Word and PDF', () => {
  let t: TestPlatform;
  let chair: string;
  let chairId: string;
  let draftId: string;
  const editors: Editor[] = [];

  const get = async (url: string, token: string | null = chair): Promise<Fetched> => {
    const res = await fetch(`${t.url}${url}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  };
  const docxXml = async (body: Buffer, part = 'word/document.xml') =>
    (await JSZip.loadAsync(body)).file(part)!.async('string');

  beforeAll(async () => {
    t = await startTestPlatform();
    chair = await t.login('chair@committee.test');
    chairId = (await UserModel.findOne({
      email: 'chair@committee.test',
    }).lean())!._id.toHexString();
    draftId = await buildDraft(1);
    const editor = connectEditor(t.url, chair, draftId);
    editors.push(editor);
    const mark = (n: number) => `${chairId}:m${n}`;
    editor.doc
      .getXmlFragment(CONTENT_FIELD)
      .push([
        block('heading', [['Conclusions']], { level: '1' }),
        block('paragraph', [
          ['The Committee '],
          ['welcomes', { bold: {} }],
          [' the reports of States '],
          ['in 2020', { italic: {} }],
          ['.'],
        ]),
        block('paragraph', [
          ['States are '],
          ['encouraged', { bracket: { id: mark(1), alternatives: ['urged', 'invited'] } }],
          [' to report'],
          [' without delay', { insertion: { id: mark(2) } }],
          ['.'],
        ]),
        list('bulletList', ['First point', 'Second point']),
        block('heading', [['Recommendations']], { level: '2' }),
        block('paragraph', [['The Committee recommends assistance.']]),
        list('orderedList', ['Step one', 'Step two']),
      ]);
    await until(async () => {
      const res = await t.gql<{ draft: { text: string } }>(
        'query($d: ID!) { draft(id: $d) { text } }',
        { d: draftId },
        chair,
      );
      return res.data!.draft.text.includes('Step two');
    });
    await t.gql(
      'mutation($i: ID!, $in: UpdateDraftInput!) { updateDraft(id: $i, input: $in) { id symbol } }',
      { i: draftId, in: { symbol: 'S/AC.44/2020/WP.1' } },
      chair,
    );
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('writes a Word document with the header, real paragraph numbering, lists, bold, italic and brackets', async () => {
    const res = await get(`/drafts/${draftId}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: res.body });
    expect(text).toContain('Conclusions');
    expect(text).toContain('The Committee welcomes the reports of States in 2020.');
    expect(text).toContain('States are [encouraged / urged / invited] to report without delay.');
    expect(text).toContain('First point');
    const xml = await docxXml(res.body);
    // Numbered paragraphs carry Word numbering (numPr), not typed digits.
    const paragraphs = xml.split('<w:p>').slice(1);
    const numbered = paragraphs.filter((p) => p.includes('<w:numPr>'));
    expect(numbered.length).toBe(7); // three paragraphs, two bullets, two steps
    expect(paragraphs.some((p) => /<w:t[^>]*>1\.\s/.test(p))).toBe(false);
    const ofText = (s: string) => paragraphs.find((p) => p.includes(s))!;
    const numId = (p: string) => /<w:numId w:val="(\d+)"\/>/.exec(p)![1];
    expect(numId(ofText('welcomes'))).toBe(numId(ofText('recommends assistance')));
    expect(numId(ofText('First point'))).not.toBe(numId(ofText('welcomes')));
    expect(ofText('welcomes')).toMatch(/<w:b\/>[\s\S]*welcomes/);
    expect(ofText('in 2020')).toMatch(/<w:i\/>[\s\S]*in 2020/);
    expect(ofText(' without delay')).toMatch(/<w:u [^>]*\/>[\s\S]* without delay/);
    const numbering = await docxXml(res.body, 'word/numbering.xml');
    expect(numbering).toContain('w:val="decimal"');
    const header = await docxXml(res.body, 'word/header1.xml');
    expect(header).toContain('1540');
    expect(header).toContain('S/AC.44/2020/WP.1');
    expect(header).toContain('DRAFT');
    expect(header).toContain('English');
  });

  it('gives the clean text without brackets or proposed insertions, and the French document', async () => {
    const clean = await get(`/drafts/${draftId}/export.docx?view=clean`);
    const { value: text } = await mammoth.extractRawText({ buffer: clean.body });
    expect(text).toContain('States are encouraged to report.');
    expect(text).not.toContain('[');
    const french = await get(`/drafts/${draftId}/export.docx?lang=fr`);
    expect(french.status).toBe(200);
    const header = await docxXml(french.body, 'word/header1.xml');
    expect(header).toContain('PROJET');
    expect(header).toContain('Français');
    expect(french.body.length).toBeGreaterThan(1000);
  });

  it('exports a numbered version as it was frozen', async () => {
    const v = await t.gql<{ createDraftVersion: { number: number } }>(
      'mutation($d: ID!) { createDraftVersion(draftId: $d, label: "First reading") { number } }',
      { d: draftId },
      chair,
    );
    expect(v.errors).toBeUndefined();
    const number = v.data!.createDraftVersion.number;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Added after the version.')]);
    editors[0].doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
    await until(async () => {
      const current = await get(`/drafts/${draftId}/export.docx`);
      return (await mammoth.extractRawText({ buffer: current.body })).value.includes('Added after');
    });
    const old = await get(`/drafts/${draftId}/export.docx?version=${number}`);
    const { value } = await mammoth.extractRawText({ buffer: old.body });
    expect(value).toContain(`Rev.${number}: First reading`);
    expect(value).not.toContain('Added after the version.');
  });

  it('renders the same document as a PDF', async () => {
    const res = await get(`/drafts/${draftId}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'export-'));
    const file = path.join(dir, 'draft.pdf');
    writeFileSync(file, res.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toMatch(/1\.\s+The Committee welcomes the reports of States in 2020\./);
    expect(text).toMatch(/2\.\s+States are \[encouraged \/ urged \/ invited\] to report/);
    expect(text).toMatch(/3\.\s+The Committee recommends assistance\./);
    expect(text).toContain('S/AC.44/2020/WP.1');
    expect(text).toContain('DRAFT');
    // Its pages as pictures, to be looked at (test-artifacts/export/).
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(ARTIFACTS, 'draft-en'),
    ]);
    const fr = await get(`/drafts/${draftId}/export.pdf?lang=fr&view=clean`);
    writeFileSync(file, fr.body);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('PROJET');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(ARTIFACTS, 'draft-fr-clean'),
    ]);
  });

  it('takes a document symbol in the usual form only, and clears it with an empty one', async () => {
    const other = await buildDraft(1);
    const UPDATE =
      'mutation($i: ID!, $in: UpdateDraftInput!) { updateDraft(id: $i, input: $in) { symbol } }';
    const bad = await t.gql(UPDATE, { i: other, in: { symbol: 'S/AC.44<script>' } }, chair);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const set = await t.gql(UPDATE, { i: other, in: { symbol: '  S/AC.44/2020/WP.2 ' } }, chair);
    expect(set.data!.updateDraft.symbol).toBe('S/AC.44/2020/WP.2');
    const cleared = await t.gql(UPDATE, { i: other, in: { symbol: '' } }, chair);
    expect(cleared.data!.updateDraft.symbol).toBeNull();
  });

  it('refuses without a session, an unknown draft, and bad parameters, as JSON with a code', async () => {
    const code = (r: Fetched) => JSON.parse(r.body.toString()).errors[0].extensions.code;
    const none = await get(`/drafts/${draftId}/export.docx`, null);
    expect([none.status, code(none)]).toEqual([401, 'UNAUTHENTICATED']);
    const bad = await get(`/drafts/${draftId}/export.pdf`, 'not-a-token');
    expect([bad.status, code(bad)]).toEqual([401, 'UNAUTHENTICATED']);
    const unknown = await get('/drafts/5f0000000000000000000000/export.docx');
    expect([unknown.status, code(unknown)]).toEqual([404, 'NOT_FOUND']);
    const lang = await get(`/drafts/${draftId}/export.docx?lang=de`);
    expect([lang.status, code(lang)]).toEqual([400, 'BAD_USER_INPUT']);
    const version = await get(`/drafts/${draftId}/export.docx?version=999`);
    expect([version.status, code(version)]).toEqual([404, 'NOT_FOUND']);
    const view = await get(`/drafts/${draftId}/export.docx?view=tracked`);
    expect([view.status, code(view)]).toEqual([400, 'BAD_USER_INPUT']);
  });
});
