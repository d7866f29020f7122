import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../server/core/document-blocks';
import { expectNoAxeViolations } from '../helpers/axe';
import { screenshot } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { editorText, waitFor } from '../helpers/editor-page';
import { draftOf } from '../helpers/factories';
import type { TestPlatform } from '../helpers/test-platform';

const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const VERSION = 'mutation($d: ID!) { createDraftVersion(draftId: $d) { id number } }';

/** Appends paragraphs to a draft's stored text, as an API client would. */
async function append(t: TestPlatform, token: string, draftId: string, texts: string[]) {
  const res = await t.gql<{ draft: { state: string } }>(
    'query($d: ID!) { draft(id: $d) { state } }',
    { d: draftId },
    token,
  );
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(res.data!.draft.state, 'base64'));
  const before = Y.encodeStateVector(doc);
  doc.getXmlFragment(CONTENT_FIELD).push(
    texts.map((s) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(s)]);
      return p;
    }),
  );
  const update = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
  doc.destroy();
  const sent = await t.gql(APPLY, { d: draftId, u: update }, token);
  expect(sent.errors).toBeUndefined();
}

async function version(t: TestPlatform, token: string, draftId: string) {
  const res = await t.gql<{ createDraftVersion: { id: string; number: number } }>(
    VERSION,
    { d: draftId },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createDraftVersion;
}

describe('the report on the comprehensive review, from the pages', () => {
  const suite = browserSuite();
  const drafts: string[] = [];

  beforeAll(async () => {
    const chair = await suite.t.login('chair@committee.test');
    for (const group of [1, 2, 3, 4]) {
      const draftId = await draftOf(group);
      drafts.push(draftId);
      await append(suite.t, chair, draftId, [`Conclusions of working group ${group}.`]);
      await version(suite.t, chair, draftId);
    }
  }, 60_000);

  it('is compiled by the Chair from a version of each group’s draft, and follows a newer version of a source', async () => {
    const { page } = await suite.open('chair@committee.test');
    await page.goto('/');
    await page.getByRole('link', { name: 'Compile the review report' }).click();
    await page
      .getByRole('heading', { name: 'Compile the report on the comprehensive review' })
      .waitFor();
    const group1 = page.getByRole('group', { name: /^Working group 1 — / });
    await group1.getByLabel('Heading of the section (optional)').fill('I. National implementation');
    // Group 4 is left out of this one.
    await page
      .getByRole('group', { name: /^Working group 4 — / })
      .getByLabel('Version taken')
      .selectOption({ label: 'Leave this group out' });
    await expectNoAxeViolations(page, 'compile screen');
    await screenshot(page, 'report-compile-en');
    await page.getByRole('button', { name: 'Compile the report' }).click();

    await page.waitForURL(/\/drafts\/[0-9a-f]{24}$/);
    await page
      .getByRole('heading', { level: 1, name: 'Draft report on the comprehensive review' })
      .waitFor();
    const sources = page.getByRole('region', { name: 'Sources of the report' });
    await sources.getByText('I. National implementation').waitFor();
    await waitFor(
      async () => (await sources.getByRole('listitem').count()) === 3,
      (ok) => ok,
      20_000,
      'three sections',
    );
    await waitFor(
      () => editorText(page),
      (text) =>
        text.includes('I. National implementation') &&
        text.includes('Conclusions of working group 3.') &&
        !text.includes('Conclusions of working group 4.'),
      20_000,
      'the compiled text in the editor',
    );

    // Working group 1's draft moves on: the report's page hears of it.
    const chair = await suite.t.login('chair@committee.test');
    await append(suite.t, chair, drafts[0], ['A new recommendation on assistance.']);
    const rev = await version(suite.t, chair, drafts[0]);
    const first = sources.getByRole('listitem').first();
    await first
      .getByText(`The draft has a newer version: Rev.${rev.number}.`)
      .waitFor({ timeout: 20_000 });
    await first.getByRole('button', { name: /^Show what changed/ }).click();
    await first.locator('ins', { hasText: 'A new recommendation on assistance.' }).waitFor();
    await expectNoAxeViolations(page, 'report sources with a newer version compared');
    await screenshot(page, 'report-sources-en');

    await first.getByRole('button', { name: `Take Rev.${rev.number} in` }).click();
    // Asked first: the section's text in the report is replaced.
    const ask = page.getByRole('alertdialog', {
      name: `Take Rev.${rev.number} into “I. National implementation”?`,
    });
    await ask.waitFor();
    await expectNoAxeViolations(page, 'take-in confirmation');
    await screenshot(page, 'report-take-in-confirm-en');
    await ask.getByRole('button', { name: 'Replace the section’s text' }).click();
    await sources
      .getByRole('status')
      .getByText(`The section “I. National implementation” now has the text of Rev.${rev.number}.`)
      .waitFor();
    await waitFor(
      () => editorText(page),
      (text) => text.includes('A new recommendation on assistance.'),
      20_000,
      'the new text taken in',
    );
    // The panel reads its sources again (a read begun before the take-in may answer after it).
    await waitFor(
      () => first.getByText(/newer version/).count(),
      (n) => n === 0,
      20_000,
      'the section up to date',
    );
  });

  it('in French; people who may not compile or take in see neither', async () => {
    const secretariat = await suite.t.login('secretariat@committee.test');
    const versions = await Promise.all(
      drafts.map(async (d) => {
        const res = await suite.t.gql<{ draft: { versions: { id: string }[] } }>(
          'query($d: ID!) { draft(id: $d) { versions { id } } }',
          { d },
          secretariat,
        );
        return res.data!.draft.versions[0].id;
      }),
    );
    const made = await suite.t.gql<{ compileReport: { id: string } }>(
      'mutation($in: CompileReportInput!) { compileReport(input: $in) { id } }',
      { in: { sections: versions.map((versionId) => ({ versionId })) } },
      secretariat,
    );
    expect(made.errors).toBeUndefined();
    const reportId = made.data!.compileReport.id;

    const { page } = await suite.open('secretariat@committee.test', { locale: 'fr-FR' });
    await page.goto('/report/compile');
    await page.getByRole('heading', { name: 'Compiler le rapport sur l’examen complet' }).waitFor();
    await page.getByRole('group', { name: /^Groupe de travail 2 — / }).waitFor();
    await expectNoAxeViolations(page, 'compile screen in French');
    await screenshot(page, 'report-compile-fr');
    await page.goto(`/drafts/${reportId}`);
    await page
      .getByRole('heading', { level: 1, name: 'Projet de rapport sur l’examen complet' })
      .waitFor();
    const sources = page.getByRole('region', { name: 'Sources du rapport' });
    await sources
      .getByText('Le projet a une version plus récente', { exact: false })
      .first()
      .waitFor();
    await sources
      .getByRole('button', { name: /^Reprendre la Rév\./ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'report sources in French');
    await screenshot(page, 'report-sources-fr');

    // A delegate reads the sources, with no way to take a change in, and no compile link.
    const delegate = await suite.open('delegate@committee.test');
    await delegate.page.goto(`/drafts/${reportId}`);
    const theirs = delegate.page.getByRole('region', { name: 'Sources of the report' });
    await theirs
      .getByText(/newer version/)
      .first()
      .waitFor();
    expect(await theirs.getByRole('button', { name: /^Take Rev\./ }).count()).toBe(0);
    await delegate.page.goto('/');
    await delegate.page.getByRole('heading', { name: 'Drafts at a glance' }).waitFor();
    expect(
      await delegate.page.getByRole('link', { name: 'Compile the review report' }).count(),
    ).toBe(0);
  });
});
