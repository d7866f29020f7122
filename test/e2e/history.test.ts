import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorText, openEditableDraft, typeAtEnd, waitFor } from '../helpers/editor-page';
import { draftOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const SHOTS = process.env.HISTORY_SHOTS ?? '/tmp/shots-history';
const READ = 'query($d: ID!) { draft(id: $d) { text versions { number label } } }';
// Read in the page (these tests are compiled without the DOM's types).
const FOCUSED = 'document.activeElement ? document.activeElement.textContent : null';
const TIP_SHOWN =
  "(() => { const t = document.querySelector('.compare-text ins + .change-tip'); return t ? getComputedStyle(t).display !== 'none' : false; })()";

describe('the history of a draft: numbered versions, comparison, restoration', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let chairToken: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale = 'en-GB') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    await session.page.setViewportSize({ width: 1280, height: 900 });
    return session;
  };
  const stored = async (draftId: string) =>
    (
      await t.gql<{
        draft: { text: string; versions: { number: number; label: string | null }[] };
      }>(READ, { d: draftId }, chairToken)
    ).data!.draft;
  const shot = async (page: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    await screenshot(page, name);
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    chairToken = await t.login('chair@committee.test');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('a coordinator saves a version, compares it with the edited text, and restores it after confirming', async () => {
    const draftId = await draftOf(1);
    const coordinator = await open('coordinator@committee.test');
    const page = coordinator.page;
    await openEditableDraft(page, draftId);
    await typeAtEnd(page, 'The Committee notes the reports of States.', { saved: true });
    const original = await editorText(page);

    const panel = page.getByRole('region', { name: 'History' });
    await panel.getByText('No numbered version yet.').waitFor();
    await panel.getByLabel('Label of the new version (optional)').fill('Zero draft');
    await panel.getByRole('button', { name: 'Save as version' }).click();
    await panel.getByRole('status').getByText('Rev.1 saved.').waitFor();
    const item = panel.locator('.version').first();
    expect(await item.locator('.version-name').innerText()).toBe('Rev.1 — Zero draft');
    expect(await item.innerText()).toContain('by Working group 1 coordinator (demo, Estonia)');
    expect((await stored(draftId)).versions).toEqual([{ number: 1, label: 'Zero draft' }]);

    // A delegate of the group adds a sentence; they may not save versions.
    const delegate = await open('delegate@committee.test');
    await openEditableDraft(delegate.page, draftId);
    const delegatePanel = delegate.page.getByRole('region', { name: 'History' });
    await delegatePanel.getByText('Rev.1', { exact: true }).waitFor();
    expect(await delegatePanel.getByRole('button', { name: 'Save as version' }).count()).toBe(0);
    expect(await delegatePanel.getByRole('button', { name: /^Restore/ }).count()).toBe(0);
    await typeAtEnd(delegate.page, ' States are encouraged to report.', { saved: true });
    await waitFor(
      () => editorText(page),
      (text) => text.endsWith('encouraged to report.'),
    );
    await expectNoAxeViolations(page, 'the draft page with its history panel');
    await shot(page, 'history-panel-en');

    await panel.getByRole('button', { name: 'Compare with now: Rev.1' }).click();
    const comparison = page.getByRole('region', {
      name: 'Rev.1 — Zero draft compared with the current text',
    });
    await comparison.waitFor();
    expect(await page.evaluate(FOCUSED)).toBe('Rev.1 — Zero draft compared with the current text');
    const inserted = comparison.locator('.compare-text ins');
    await inserted.first().waitFor();
    expect(await inserted.first().innerText()).toContain('States are encouraged to report.');
    expect(await comparison.locator('.compare-number').first().innerText()).toBe('1.');
    // Who inserted it: its description, shown on hover and on keyboard focus.
    const tipId = await inserted.first().getAttribute('aria-describedby');
    const tip = page.locator(`[id="${tipId}"]`);
    expect(await tip.textContent()).toBe('Inserted by Delegate (demo, France)');
    expect(await page.evaluate(TIP_SHOWN)).toBe(false);
    await inserted.first().hover({ position: { x: 4, y: 4 } });
    expect(await page.evaluate(TIP_SHOWN)).toBe(true);
    await page.mouse.move(0, 0);
    await page.getByRole('button', { name: 'Close the comparison' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('INS');
    expect(await page.evaluate(TIP_SHOWN)).toBe(true);
    await expectNoAxeViolations(page, 'the comparison view');
    await shot(page, 'history-comparison-en');

    // Restore, after a dialog that starts on Cancel; Escape changes nothing.
    await panel.getByRole('button', { name: 'Restore: Rev.1' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Restore Rev.1 — Zero draft?' });
    await dialog.waitFor();
    expect(await page.evaluate(FOCUSED)).toBe('Cancel');
    await expectNoAxeViolations(page, 'the restore dialog');
    await shot(page, 'history-restore-dialog-en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(FOCUSED)).toBe('Restore');
    expect((await stored(draftId)).text).toContain('encouraged to report');

    await panel.getByRole('button', { name: 'Restore: Rev.1' }).click();
    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel
      .getByRole('status')
      .getByText('The text of Rev.1 is the current text again.')
      .waitFor();
    // The comparison is closed, both editors show the restored text, and the server has it.
    expect(await comparison.count()).toBe(0);
    await waitFor(
      () => editorText(page),
      (text) => text === original,
    );
    await waitFor(
      () => editorText(delegate.page),
      (text) => text === original,
    );
    expect((await stored(draftId)).text).toBe(original);
  }, 180_000);

  it('compares any two sides and speaks French', async () => {
    const draftId = await draftOf(2);
    const chair = await open('chair@committee.test', 'fr-FR');
    const page = chair.page;
    await openEditableDraft(page, draftId);
    await typeAtEnd(page, 'Le Comité prend note des rapports.', { saved: true });
    // Someone else follows the draft: the versions appear in their history without a reload.
    const observer = await open('observer@committee.test');
    await observer.page.goto(`/drafts/${draftId}`);
    await observer.page.locator('.draft-text').waitFor();
    const observerPanel = observer.page.getByRole('region', { name: 'History' });
    await observerPanel.getByText('No numbered version yet.').waitFor();
    const panel = page.getByRole('region', { name: 'Historique' });
    await panel
      .getByLabel('Intitulé de la nouvelle version (facultatif)')
      .fill('Texte de la présidence');
    await panel.getByRole('button', { name: 'Enregistrer comme version' }).click();
    await panel.getByRole('status').getByText('Rev.1 enregistrée.').waitFor();
    await page.locator('.draft-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Le Comité se félicite des rapports.');
    await page.locator('.sync-saved').waitFor();
    await panel.getByRole('button', { name: 'Enregistrer comme version' }).click();
    await panel.getByRole('status').getByText('Rev.2 enregistrée.').waitFor();
    const observerVersions = observerPanel.locator('.version .version-name');
    await observerVersions.filter({ hasText: /^Rev\.2$/ }).waitFor();
    expect(await observerVersions.allInnerTexts()).toEqual([
      'Rev.2',
      'Rev.1 — Texte de la présidence',
    ]);

    await panel
      .getByLabel('De', { exact: true })
      .selectOption({ label: 'Rev.1 — Texte de la présidence' });
    await panel.getByLabel('À', { exact: true }).selectOption({ label: 'Rev.2' });
    await panel.getByRole('button', { name: 'Comparer', exact: true }).click();
    const comparison = page.getByRole('region', {
      name: 'Rev.1 — Texte de la présidence comparé à Rev.2',
    });
    await comparison.waitFor();
    await comparison.locator('.compare-text ins').first().waitFor();
    const insertedWords = await comparison.locator('.compare-text ins').allTextContents();
    expect(insertedWords.join(' ')).toContain('félicite');
    expect(
      await comparison.locator('.compare-text ins .visually-hidden').first().textContent(),
    ).toBe('[inséré : ');
    const deleted = comparison.locator('.compare-text del').first();
    const deletedWords = await comparison.locator('.compare-text del').allTextContents();
    expect(deletedWords.join(' ')).toContain('note');
    const deletedTip = await deleted.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${deletedTip}"]`).textContent()).toMatch(/^Supprimé/);
    await expectNoAxeViolations(page, 'the comparison view in French');
    await shot(page, 'history-comparison-fr');
    await panel.getByRole('button', { name: 'Rétablir : Rev.1' }).click();
    const dialog = page.getByRole('alertdialog', {
      name: 'Rétablir Rev.1 — Texte de la présidence ?',
    });
    await dialog.waitFor();
    await shot(page, 'history-restore-dialog-fr');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Fermer la comparaison' }).click();
    await shot(page, 'history-panel-fr');
  }, 180_000);
});
