import * as Y from 'yjs';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  type TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { until } from '../../../test/helpers/wait';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../../core/document-blocks';
import { DraftModel } from '../drafts/draft.model';
import { Role } from '../users/role';
import { DraftReportModel } from './report.model';

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

const APPLY = `mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }`;
const VERSION = `mutation($d: ID!, $l: String) { createDraftVersion(draftId: $d, label: $l) { id number } }`;
const COMPILE = `mutation($in: CompileReportInput!) {
  compileReport(input: $in) { id title(lang: EN) workingGroup { number } text }
}`;
const REPORT = `query($d: ID!) { draft(id: $d) { id text state report {
  can { takeIn }
  sections { id order heading versionNumber outdated sourceDraft { id } version { number }
    latestVersion { number } changes { kind text } takenBy { name } }
} } }`;
const TAKE_IN = `mutation($d: ID!, $s: ID!, $v: ID) {
  takeInReportSection(draftId: $d, sectionId: $s, versionId: $v) { id sections { versionNumber } }
}`;

interface Section {
  id: string;
  order: number;
  heading: string;
  versionNumber: number;
  outdated: boolean;
  sourceDraft: { id: string };
  version: { number: number };
  latestVersion: { number: number };
  changes: { kind: string; text: string }[];
}
interface ReportDraft {
  id: string;
  text: string;
  state: string;
  report: { can: { takeIn: boolean }; sections: Section[] } | null;
}

describe('the report on the comprehensive review, compiled from the groups’ drafts', () => {
  let t: TestPlatform;
  let chair: string;
  let secretariat: string;
  /** Each group's draft, its local document (what its writer sent) and its first version. */
  const sources: { draftId: string; doc: Y.Doc; versionId: string }[] = [];

  const send = async (draftId: string, doc: Y.Doc, change: () => void, token = chair) => {
    const before = Y.encodeStateVector(doc);
    doc.transact(change);
    const update = Y.encodeStateAsUpdate(doc, before);
    const res = await t.gql(
      APPLY,
      { d: draftId, u: Buffer.from(update).toString('base64') },
      token,
    );
    expect(res.errors).toBeUndefined();
  };
  const version = async (draftId: string, token = chair) => {
    const res = await t.gql<{ createDraftVersion: { id: string; number: number } }>(
      VERSION,
      { d: draftId, l: null },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createDraftVersion;
  };
  const readReport = async (draftId: string, token = chair) => {
    const res = await t.gql<{ draft: ReportDraft }>(REPORT, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.draft;
  };
  const compile = (sections: { versionId: string; heading?: string }[], token = chair) =>
    t.gql<{
      compileReport: { id: string; title: string; workingGroup: { number: number }; text: string };
    }>(COMPILE, { in: { sections } }, token);

  beforeAll(async () => {
    t = await startTestPlatform();
    chair = await t.login('chair@committee.test');
    secretariat = await t.login('secretariat@committee.test');
    const delegate = await buildUser(t, [Role.DELEGATE], [2]);
    for (const group of [1, 2, 3, 4]) {
      const draftId = await buildDraft(group);
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment(CONTENT_FIELD);
      await send(draftId, doc, () =>
        fragment.push([
          block('heading', [[`Conclusions of group ${group}`]], { level: '1', pid: `g${group}h` }),
          block('paragraph', [[`Group ${group} `], ['welcomes', { bold: {} }], [' the reports.']], {
            pid: `g${group}p`,
          }),
        ]),
      );
      if (group === 2) {
        // A delegate's bracket and proposal: the report must take them in the compiler's name.
        await send(
          draftId,
          doc,
          () =>
            fragment.push([
              block('paragraph', [
                ['States are '],
                ['encouraged', { bracket: { id: `${delegate.id}:b1`, alternatives: ['urged'] } }],
                [' to report'],
                [' without delay', { insertion: { id: `${delegate.id}:p1` } }],
                ['.'],
              ]),
            ]),
          delegate.token,
        );
      }
      sources.push({ draftId, doc, versionId: (await version(draftId)).id });
    }
  });
  afterAll(async () => {
    for (const s of sources) s.doc.destroy();
    await t.stop();
  });

  it('compiles the chosen versions in order, each under its heading, as a new draft with its lineage', async () => {
    const res = await compile(
      sources.map((s, i) => ({
        versionId: s.versionId,
        heading: i === 0 ? 'I. National implementation' : undefined,
      })),
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.compileReport;
    expect(report.title).toBe('Draft report on the comprehensive review');
    const inFrench = await t.gql(
      'query($d: ID!) { draft(id: $d) { title(lang: FR) } }',
      { d: report.id },
      chair,
    );
    expect(inFrench.data!.draft.title).toBe('Projet de rapport sur l’examen complet');
    // It belongs to the first section's group, and lives like any draft of it.
    expect(report.workingGroup.number).toBe(1);
    const lines = report.text.split('\n');
    expect(lines[0]).toBe('I. National implementation');
    expect(lines).toContain('Conclusions of group 1');
    expect(lines).toContain('States are [encouraged / urged] to report.');
    const headings = lines.filter((l) => /^Test draft \d+$/.test(l));
    expect(headings).toHaveLength(3);
    // In order: each group's text after its own heading, before the next.
    const at = (s: string) => lines.indexOf(s);
    for (const g of [1, 2, 3])
      expect(at(`Group ${g} welcomes the reports.`)).toBeLessThan(
        at(`Group ${g + 1} welcomes the reports.`),
      );

    const read = await readReport(report.id);
    expect(read.report!.can.takeIn).toBe(true);
    expect(
      read.report!.sections.map((s) => [s.order, s.sourceDraft.id, s.versionNumber, s.outdated]),
    ).toEqual(sources.map((s, i) => [i + 1, s.draftId, 1, false]));
    // Bold stays, and the source's own heading goes one level down under the section's.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(read.state, 'base64'));
    const blocks = doc.getXmlFragment(CONTENT_FIELD).toArray() as Y.XmlElement[];
    expect(blocks[0].getAttribute('level')).toBe(1 as unknown as string);
    expect(blocks[1].getAttribute('level')).toBe(2 as unknown as string);
    expect((blocks[2].get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'Group 1 ' },
      { insert: 'welcomes', attributes: { bold: {} } },
      { insert: ' the reports.' },
    ]);
    // The source's block ids are not copied; each section's heading has one of its own.
    expect(blocks[2].getAttribute(PARAGRAPH_ID_ATTR)).toBeUndefined();
    expect(String(blocks[0].getAttribute(PARAGRAPH_ID_ATTR))).toMatch(/^report:/);
    doc.destroy();
  });

  it('is the Chair’s and the Secretariat’s; a refused or wrong request creates nothing', async () => {
    const versionIds = sources.map((s) => ({ versionId: s.versionId }));
    const bySecretariat = await compile(versionIds, secretariat);
    expect(bySecretariat.errors).toBeUndefined();
    const before = await DraftModel.countDocuments();
    const coordinator = await t.login('coordinator@committee.test');
    const delegate = await buildUser(t, [Role.DELEGATE], [1]);
    for (const token of [coordinator, delegate.token])
      expect((await compile(versionIds, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const twice = await compile([versionIds[0], versionIds[0]]);
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await compile([]);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await compile([{ versionId: '0123456789abcdef01234567' }]);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A report is not a source of another.
    const reportDraft = bySecretariat.data!.compileReport.id;
    const reportVersion = await version(reportDraft);
    const ofReport = await compile([{ versionId: reportVersion.id }]);
    expect(ofReport.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await DraftModel.countDocuments()).toBe(before);
    const coordinatorView = await t.gql<{ committee: { can: { compileReport: boolean } } }>(
      '{ committee { can { compileReport } } }',
      {},
      coordinator,
    );
    expect(coordinatorView.data!.committee.can.compileReport).toBe(false);
    const chairView = await t.gql('{ committee { can { compileReport } } }', {}, chair);
    expect(chairView.data!.committee.can.compileReport).toBe(true);
  });

  it('says when a source has a newer version, shows the comparison, and takes the change in as an edit of that section only', async () => {
    const compiled = await compile(sources.map((s) => ({ versionId: s.versionId })));
    const reportId = compiled.data!.compileReport.id;
    // Someone works in the report meanwhile: in section 2, which taking section 1 in must keep.
    const reportDoc = new Y.Doc();
    Y.applyUpdate(reportDoc, Buffer.from((await readReport(reportId)).state, 'base64'));
    const fragment = reportDoc.getXmlFragment(CONTENT_FIELD);
    const group2 = fragment
      .toArray()
      .findIndex((b) => b instanceof Y.XmlElement && b.toString().includes('Group 2 '));
    await send(reportId, reportDoc, () =>
      fragment.insert(group2 + 1, [block('paragraph', [['Added in the report by the Chair.']])]),
    );

    // Group 1's draft moves on and freezes Rev.2.
    const source = sources[0];
    const sourceFragment = source.doc.getXmlFragment(CONTENT_FIELD);
    await send(source.draftId, source.doc, () =>
      sourceFragment.push([block('paragraph', [['A new recommendation on assistance.']])]),
    );
    // The report's page hears of the new version: once its own edits' summary is written (which
    // is news too), it listens, and the version is made.
    const words = (await readReport(reportId)).text.split(/\s+/).filter(Boolean).length;
    await until(
      async () => (await DraftModel.findById(reportId).lean())?.wordCount === words,
      20_000,
    );
    const ws = t.ws(chair);
    const live = subscribe<{ draftChanged: { id: string } }>(
      ws,
      'subscription($d: ID) { draftChanged(draftId: $d) { id } }',
      { d: reportId },
    );
    await t.listening(Topic.DraftChanged, reportId, 1);
    await version(source.draftId);
    await until(async () => (await readReport(reportId)).report!.sections[0].outdated);
    await live.next(10_000);

    const before = (await readReport(reportId)).report!.sections;
    expect(before[0]).toMatchObject({
      versionNumber: 1,
      latestVersion: { number: 2 },
      outdated: true,
    });
    expect(
      before[0].changes
        .filter((c) => c.kind === 'INSERTED')
        .map((c) => c.text)
        .join(''),
    ).toContain('A new recommendation on assistance.');
    expect(before[1]).toMatchObject({ outdated: false, changes: [] });

    const taken = await t.gql(TAKE_IN, { d: reportId, s: before[0].id, v: null }, chair);
    expect(taken.errors).toBeUndefined();
    expect(
      taken.data!.takeInReportSection.sections.map(
        (s: { versionNumber: number }) => s.versionNumber,
      ),
    ).toEqual([2, 1, 1, 1]);
    const after = await readReport(reportId);
    const lines = after.text.split('\n');
    expect(lines.filter((l) => l === 'A new recommendation on assistance.')).toHaveLength(1);
    expect(lines.indexOf('A new recommendation on assistance.')).toBeLessThan(
      lines.indexOf('Group 2 welcomes the reports.'),
    );
    expect(lines).toContain('Added in the report by the Chair.');
    expect(lines.filter((l) => l === 'Group 1 welcomes the reports.')).toHaveLength(1);
    expect(after.report!.sections[0]).toMatchObject({ outdated: false, versionNumber: 2 });
    // The report's history says who replaced which section, with which version.
    const { data } = await t.gql(
      'query($id: ID!) { draft(id: $id) { decisions { kind detail text by { email } } } }',
      { id: reportId },
      chair,
    );
    expect(data!.draft.decisions).toContainEqual({
      kind: 'REPORT_SECTION_TAKEN_IN',
      detail: '2',
      text: before[0].heading,
      by: { email: 'chair@committee.test' },
    });
    live.dispose();
    await ws.dispose();
    reportDoc.destroy();
  });

  it('takes a change in once when two ask at the same moment, and two sections’ at once both', async () => {
    const compiled = await compile(sources.map((s) => ({ versionId: s.versionId })));
    const reportId = compiled.data!.compileReport.id;
    const { sections } = (await readReport(reportId)).report!;
    // Groups 2 and 4 move on.
    for (const [n, source] of [
      [2, sources[1]],
      [4, sources[3]],
    ] as const) {
      await send(source.draftId, source.doc, () =>
        source.doc
          .getXmlFragment(CONTENT_FIELD)
          .push([block('paragraph', [[`Group ${n} adds a paragraph.`]])]),
      );
      await version(source.draftId);
    }
    const takeIn = (i: number) =>
      t.gql(TAKE_IN, { d: reportId, s: sections[i].id, v: null }, chair);
    const same = await Promise.all([takeIn(1), takeIn(1)]);
    // The second is refused while the first holds the section, or finds it done already.
    const codes = same.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect([
      ['CONFLICT', 'OK'],
      ['OK', 'OK'],
    ]).toContainEqual(codes);
    let text = (await readReport(reportId)).text;
    expect(text.split('\n').filter((l) => l === 'Group 2 adds a paragraph.')).toHaveLength(1);

    // Group 2 again and group 4, at once: both lineages follow.
    await send(sources[1].draftId, sources[1].doc, () =>
      sources[1].doc.getXmlFragment(CONTENT_FIELD).push([block('paragraph', [['Later still.']])]),
    );
    const latest2 = await version(sources[1].draftId);
    const both = await Promise.all([takeIn(1), takeIn(3)]);
    for (const r of both) expect(r.errors).toBeUndefined();
    const after = await readReport(reportId);
    text = after.text;
    expect(text).toContain('Later still.');
    expect(text).toContain('Group 4 adds a paragraph.');
    expect(after.report!.sections.slice(1).map((s) => [s.versionNumber, s.outdated])).toEqual([
      [latest2.number, false],
      [1, false],
      [2, false],
    ]);
  });

  it('refuses to take a change in for those who may not manage the report, and when its heading is gone', async () => {
    const compiled = await compile(sources.slice(2).map((s) => ({ versionId: s.versionId })));
    const reportId = compiled.data!.compileReport.id;
    const { sections } = (await readReport(reportId)).report!;
    const delegate = await buildUser(t, [Role.DELEGATE], [1]);
    const asDelegate = await t.gql(
      TAKE_IN,
      { d: reportId, s: sections[0].id, v: null },
      delegate.token,
    );
    expect(asDelegate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await readReport(reportId, delegate.token)).report!.can.takeIn).toBe(false);
    // Group 3 moves on; meanwhile the report's section heading was deleted by hand.
    const source = sources[2];
    await send(source.draftId, source.doc, () =>
      source.doc.getXmlFragment(CONTENT_FIELD).push([block('paragraph', [['Later words.']])]),
    );
    await version(source.draftId);
    const reportDoc = new Y.Doc();
    Y.applyUpdate(reportDoc, Buffer.from((await readReport(reportId)).state, 'base64'));
    await send(reportId, reportDoc, () => reportDoc.getXmlFragment(CONTENT_FIELD).delete(0, 1));
    const textBefore = (await readReport(reportId)).text;
    const gone = await t.gql(TAKE_IN, { d: reportId, s: sections[0].id, v: null }, chair);
    expect(gone.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await readReport(reportId)).text).toBe(textBefore);
    const lineage = await DraftReportModel.findOne({ draftId: reportId }).lean();
    expect(lineage!.sections[0].versionNumber).toBe(1);
    // Another draft's version is not this section's.
    const wrong = await t.gql(
      TAKE_IN,
      { d: reportId, s: sections[1].id, v: sources[0].versionId },
      chair,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    reportDoc.destroy();
  });
});
