import type { Page } from 'playwright-core';
import { DraftModel } from '../../server/modules/drafts/draft.model';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorText } from '../helpers/editor-page';
import { addParagraph, connectEditor, Editor } from '../helpers/editors';
import { buildDraft } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';
import { waitFor } from '../helpers/wait';

const TEXT = 'The Committee welcomes the report of the Panel.';

/** Selects `word` in the editor as a person would by dragging over it. */
async function selectWord(page: Page, word: string): Promise<void> {
  await page.locator('.draft-text').click();
  // A string run in the page: these tests are compiled without the DOM's types.
  const found = await page.evaluate(`(() => {
    const word = ${JSON.stringify(word)};
    const walker = document.createTreeWalker(document.querySelector('.draft-text'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf(word);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + word.length);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  })()`);
  expect(found).toBe(true);
  // ProseMirror reads the selection on the next selectionchange.
  await page.waitForFunction(`getSelection().toString() === ${JSON.stringify(word)}`);
}

interface Words {
  lang: 'en' | 'fr';
  locale: string;
  tool: string;
  option: string;
  submit: string;
  choose: string;
  by: string;
}

const EN: Words = {
  lang: 'en',
  locale: 'en-GB',
  tool: 'Bracket',
  option: 'Option B',
  submit: 'Set the brackets',
  choose: 'Choose option B',
  by: 'Bracketed by Delegate (demo, France), France',
};
const FR: Words = {
  lang: 'fr',
  locale: 'fr-FR',
  tool: 'Crochets',
  option: 'Option B',
  submit: 'Poser les crochets',
  choose: 'Choisir l’option B',
  by: 'Crochets posés par Delegate (demo, France), France',
};

/**
 * A delegate of France brackets a passage with an alternative in their editor; the Chair's open
 * draft shows [ … ] with France's name, the coordinator's open dashboard counts it live, and the
 * coordinator chooses the alternative: every browser ends with the same text. In English and in
 * French.
 */
describe('brackets in real browsers', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  const editors: Editor[] = [];
  const contexts = contextsClosedAfterEach();

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await b?.close();
    await t?.stop();
  });

  const open = async (email: string, w: Words) => {
    const s = await signedIn(b.browser, t.url, `${email}@committee.test`, TEST_PASSWORD, {
      locale: w.locale,
    });
    contexts.push(s.context);
    return s.page;
  };

  it.each([EN, FR])(
    'brackets, shows, counts live and decides ($lang)',
    async (w) => {
      const draftId = await buildDraft(1);
      const seed = connectEditor(t.url, await t.login('coordinator@committee.test'), draftId);
      editors.push(seed);
      await seed.provider.whenSynced();
      addParagraph(seed.doc, TEXT);
      await seed.provider.whenAcknowledged();
      await seed.close();
      // The summary the dashboard shows has been written once (no bracket yet).
      await waitFor(
        () => DraftModel.findById(draftId).lean(),
        (d) => (d?.wordCount ?? 0) > 0,
      );

      const coordinator = await open('coordinator', w);
      const card = coordinator.locator(`.draft-card[data-draft-id="${draftId}"]`);
      await card.locator('.open-brackets').getByText('0', { exact: true }).waitFor();

      const chair = await open('chair', w);
      await chair.goto(`/drafts/${draftId}`);
      await chair.locator('.draft-text').getByText(TEXT).waitFor();

      const delegate = await open('delegate', w);
      await delegate.goto(`/drafts/${draftId}`);
      await delegate.locator('.draft-text').getByText(TEXT).waitFor();
      await selectWord(delegate, 'welcomes');
      await delegate.getByRole('button', { name: w.tool, exact: true }).click();
      await delegate.getByLabel(w.option).fill(w.lang === 'en' ? 'notes' : 'prend note du');
      await expectNoAxeViolations(delegate, `the bracket form (${w.lang})`);
      await screenshot(delegate, `brackets-form-${w.lang}`);
      await delegate.getByRole('button', { name: w.submit }).click();
      const alternative = w.lang === 'en' ? 'notes' : 'prend note du';

      // The Chair's browser: [ welcomes ] / [notes] (France), and in the panel who bracketed it.
      const bracket = chair.locator('.draft-text .bracket');
      await bracket.getByText('welcomes').waitFor();
      const note = chair.locator('.draft-text .bracket-note');
      await waitFor(
        () => note.textContent(),
        (text) => text === ` / [${alternative}] (France)`,
      );
      await chair.locator('.bracket-panel').getByText(w.by).waitFor();
      const pseudo = await chair.evaluate(`(() => {
      const el = document.querySelector('.draft-text .bracket');
      return [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content];
    })()`);
      expect(pseudo).toEqual(['"["', '"]"']);
      await expectNoAxeViolations(chair, `a bracketed draft (${w.lang})`);
      await screenshot(chair, `brackets-draft-${w.lang}`);

      // The coordinator's open dashboard counts it without a reload.
      await card.locator('.open-brackets').getByText('1', { exact: true }).waitFor({
        timeout: 20_000,
      });
      await card.scrollIntoViewIfNeeded();
      await screenshot(coordinator, `brackets-dashboard-${w.lang}`);
      await expectNoAxeViolations(coordinator, `the dashboard with open brackets (${w.lang})`);

      // The delegate may bracket, not decide: no buttons for them.
      await delegate.locator('.bracket-panel').getByText(w.by).waitFor();
      expect(await delegate.getByRole('button', { name: w.choose }).count()).toBe(0);

      // The coordinator chooses option B from the draft page.
      await coordinator.goto(`/drafts/${draftId}`);
      await coordinator.getByRole('button', { name: w.choose }).click();
      const chosen = TEXT.replace('welcomes', alternative);
      for (const page of [coordinator, chair, delegate])
        await waitFor(
          () => editorText(page),
          (text) => text === chosen,
        );
      for (const page of [coordinator, chair, delegate])
        expect(await page.locator('.draft-text .bracket').count()).toBe(0);
      await coordinator.goto('/');
      await card.locator('.open-brackets').getByText('0', { exact: true }).waitFor();
    },
    180_000,
  );
});
