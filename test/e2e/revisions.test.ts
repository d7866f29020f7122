import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import type { Locator, Page } from 'playwright-core';
import { DraftRevisionModel } from '../../server/modules/revisions/revision.model';
import { UserModel } from '../../server/modules/users/user.model';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorText, openEditableDraft, typeAtEnd, waitFor } from '../helpers/editor-page';
import { buildDraft } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const SHOTS = process.env.REVISIONS_SHOTS ?? '/tmp/shots-revisions';
const PAGE_SIZE = 20;

describe('the automatic revisions in the history panel', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale = 'en-GB') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    await session.page.setViewportSize({ width: 1280, height: 900 });
    return session;
  };
  const shot = async (page: Page, panel: Locator, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await panel.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    await page.screenshot({ path: path.join(SHOTS, `${name}-page.png`), fullPage: true });
    await screenshot(page, name);
  };
  const revisionTexts = (panel: Locator) => panel.locator('.revision').allInnerTexts();

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('two authors type; each sees their revisions with words added and removed, a page at a time, in English and French', async () => {
    const draftId = await buildDraft(1);
    const coordinator = await open('coordinator@committee.test');
    const page = coordinator.page;
    await openEditableDraft(page, draftId);
    const panel = page.getByRole('region', { name: 'History' });
    await panel.getByText('No edits yet.').waitFor();
    await typeAtEnd(page, 'The Committee notes the reports.', { saved: true });

    const delegate = await open('delegate@committee.test', 'fr-FR');
    await openEditableDraft(delegate.page, draftId);
    await typeAtEnd(delegate.page, ' States are encouraged to report.', { saved: true });
    await waitFor(
      () => editorText(page),
      (text) => text.endsWith('encouraged to report.'),
    );

    // Read on opening the page: both revisions, newest first, still open.
    await delegate.page.reload();
    const frPanel = delegate.page.getByRole('region', { name: 'Historique' });
    await frPanel.getByRole('heading', { name: 'Révisions' }).waitFor();
    await waitFor(
      () => revisionTexts(frPanel),
      (texts) => texts.length === 2,
    );
    const fr = await revisionTexts(frPanel);
    expect(fr[0]).toMatch(/^Delegate \(demo\) · France · en cours\n/);
    expect(fr[0]).toContain('+5 mots, −0 mot');
    expect(fr[1]).toMatch(/^Working group 1 coordinator \(demo\) · Estonie · en cours\n/);
    expect(fr[1]).toContain('+5 mots, −0 mot');
    await expectNoAxeViolations(delegate.page, 'the revisions in French');
    await shot(delegate.page, frPanel, 'revisions-panel-fr');

    // Saving a version reads the revisions again: the version closed them.
    await panel.getByRole('button', { name: 'Save as version' }).click();
    await panel.getByRole('status').getByText('Rev.1 saved.').waitFor();
    await waitFor(
      () => revisionTexts(panel),
      (texts) => texts.length === 2 && texts.every((x) => !x.includes('in progress')),
    );
    const en = await revisionTexts(panel);
    expect(en[0]).toMatch(/^Delegate \(demo\) · France\n/);
    expect(en[1]).toMatch(/^Working group 1 coordinator \(demo\) · Estonia\n/);
    // The signs are for the eye, the words for screen readers.
    const words = panel.locator('.revision-words').first();
    expect(await words.locator('[aria-hidden="true"]').innerText()).toBe('+5 words, −0 words');
    expect(await words.locator('.visually-hidden').textContent()).toBe(
      '5 words added, 0 words removed',
    );

    // Older revisions than a page holds, one of them by an account since deleted.
    const author = await UserModel.findOne({ email: 'coordinator@committee.test' }).lean();
    const day = new Date(Date.now() - 24 * 3600 * 1000);
    await DraftRevisionModel.insertMany(
      Array.from({ length: PAGE_SIZE }, (_, i) => {
        const startedAt = new Date(day.getTime() - i * 3600 * 1000);
        return {
          draftId,
          userId: i === PAGE_SIZE - 1 ? new Types.ObjectId() : author!._id,
          delegationId: author!.delegationId,
          startedAt,
          endedAt: new Date(startedAt.getTime() + 12 * 60 * 1000),
          openUntil: new Date(startedAt.getTime() + 17 * 60 * 1000),
          wordsInserted: 12,
          wordsDeleted: 3,
          edits: 40,
          firstSeq: 0,
          lastSeq: 0,
        };
      }),
    );
    await page.reload();
    await waitFor(
      () => revisionTexts(panel),
      (texts) => texts.length === PAGE_SIZE,
    );
    const more = panel.getByRole('button', { name: 'Show more revisions' });
    expect(await more.innerText()).toBe('Show more');
    expect(await panel.getByRole('list').last().locator('li').count()).toBe(PAGE_SIZE);
    await expectNoAxeViolations(page, 'the revisions in English');
    await shot(page, panel, 'revisions-panel-en-first-page');
    await more.click();
    await waitFor(
      () => revisionTexts(panel),
      (texts) => texts.length === PAGE_SIZE + 2,
    );
    expect(await more.count()).toBe(0);
    // The focus goes to the first revision it brought, not lost with the button.
    expect(await page.evaluate('document.activeElement.textContent')).toContain('+12 words');
    expect(
      await page.evaluate(
        "[...document.querySelectorAll('.revision')].indexOf(document.activeElement)",
      ),
    ).toBe(PAGE_SIZE);
    const all = await revisionTexts(panel);
    expect(all[2]).toContain('+12 words, −3 words');
    expect(all.at(-1)).toMatch(/^Author no longer on the platform\n/);
    await expectNoAxeViolations(page, 'the revisions after Show more');
    await shot(page, panel, 'revisions-panel-en');
  }, 180_000);
});
