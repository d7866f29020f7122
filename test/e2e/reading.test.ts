import path from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../../server/core/document-blocks';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  ARTIFACTS,
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { waitFor } from '../helpers/editor-page';
import { connectEditor, type Editor } from '../helpers/editors';
import { buildDraft } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const PARAGRAPHS = 30;
const textOf = (n: number) =>
  `Paragraph ${n}: the Committee calls upon States to report on the measures they have taken, and to share their experience with the working group.`;

// Read in the page (these tests are compiled without the DOM's types).
const CURRENT = `(() => {
  const el = document.querySelector('.draft-text [data-reading-current]');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  // Below the reading's bar, which stays at the top of the window.
  const bar = document.querySelector('.reading-bar');
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  return { text: el.textContent, inView: r.top >= top && r.bottom <= window.innerHeight };
})()`;
const SCROLL_Y = 'window.scrollY';
const FOCUSED = 'document.activeElement ? document.activeElement.textContent : null';
// Two frames: whatever the page does on the event it has just shown (highlight, scroll) is done.
const TWO_FRAMES =
  'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))';
const settled = (page: Page) => page.evaluate(TWO_FRAMES);

interface Current {
  text: string;
  inView: boolean;
}

describe('a second browser follows the reading', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let chairToken: string;
  const editors: Editor[] = [];
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale: string) => {
    // The Chair's page follows the reading too, scrolling smoothly to each paragraph: a click on
    // the controls during that scroll can land beside the button (the bar moves until it sticks).
    // Without motion, the Chair's clicks land where they are aimed; the delegate's page keeps the
    // smooth scroll that people see.
    const reducedMotion = email.startsWith('chair') ? 'reduce' : 'no-preference';
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, {
      locale,
      reducedMotion,
    });
    contexts.push(session.context);
    watchSteps(session.page);
    return session;
  };
  const openDraft = async (page: Page, draftId: string) => {
    await page.goto(`/drafts/${draftId}`);
    await page.locator('.draft-text').waitFor();
    await page
      .locator('.draft-text > p')
      .nth(PARAGRAPHS - 1)
      .waitFor();
  };
  /** A draft of group 1 with numbered paragraphs carrying lasting ids, written by a raw Yjs client. */
  const draftWithIds = async () => {
    const draftId = await buildDraft(1);
    const editor = connectEditor(t.url, chairToken, draftId);
    editors.push(editor);
    await editor.provider.whenSynced();
    editor.doc.transact(() => {
      const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => {
        const p = new Y.XmlElement('paragraph');
        p.setAttribute(PARAGRAPH_ID_ATTR, `para-${i + 1}`);
        p.insert(0, [new Y.XmlText(textOf(i + 1))]);
        return p;
      });
      editor.doc.getXmlFragment(CONTENT_FIELD).push(blocks);
    });
    await editor.provider.whenAcknowledged();
    return draftId;
  };
  const current = (page: Page) => page.evaluate(CURRENT) as Promise<Current | null>;
  /** The paragraph highlighted in the page, once it is `n` and in view. */
  const followed = (page: Page, n: number) =>
    waitFor(
      () => current(page),
      (c) => c?.text === textOf(n) && c.inView,
      10_000,
    );
  /** What a page shows of the reading: the banner and any refusal, for a failure's message. */
  const shown = (page: Page) =>
    page.evaluate(`(() => ({
      banner: document.querySelector('.reading-where')?.textContent ?? null,
      alerts: Array.from(document.querySelectorAll('[role=alert]'), (e) => e.textContent),
      busy: document.querySelector('.reading-end')?.getAttribute('aria-disabled') ?? null,
    }))()`) as Promise<{ banner: string | null; alerts: string[]; busy: string | null }>;
  /** Per page open in this test, the reading's steps sent and answered, for a failure's message. */
  const steps = new Map<Page, string[]>();
  const watchSteps = (page: Page) => {
    const log: string[] = [];
    steps.set(page, log);
    const started = Date.now();
    const note = (line: string) => log.push(`${Date.now() - started} ms ${line}`);
    page.on('request', (req) => {
      const op = req.postDataJSON()?.operationName;
      if (typeof op === 'string' && /Reading/.test(op)) note(`sent ${op}`);
    });
    page.on('response', (res) => {
      const op = res.request().postDataJSON()?.operationName;
      if (typeof op === 'string' && /Reading/.test(op)) note(`answered ${op} ${res.status()}`);
    });
    page.on('console', (msg) => note(`console ${msg.type()}: ${msg.text().slice(0, 200)}`));
  };
  afterEach(() => {
    steps.clear();
  });
  /** The Chair's last step has its answer: the controls take the next one (keys do not wait). */
  const stepDone = (page: Page) =>
    waitFor(
      () => page.locator('.reading-end').getAttribute('aria-disabled'),
      (v) => v !== 'true',
    );
  const bannerSays = async (page: Page, text: string) => {
    try {
      await waitFor(
        () => page.locator('.reading-where').innerText(),
        (s) => s === text,
        10_000,
      );
    } catch (err) {
      // Which page lagged, and whether the Chair's step was refused or still on its way.
      const seen = await Promise.all(
        [...steps].map(async ([p, log]) => ({
          ...(await shown(p).catch((e: Error) => ({ error: e.message }))),
          steps: log.slice(-8),
        })),
      );
      throw new Error(`${(err as Error).message}; the pages show ${JSON.stringify(seen)}`);
    }
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    chairToken = await t.login('chair@committee.test');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await b?.close();
    await t?.stop();
  });

  it('highlights and brings into view the paragraph the Chair reads, until the delegate stops following; outcomes show', async () => {
    const draftId = await draftWithIds();
    const delegate = await open('delegate@committee.test', 'en-GB');
    await openDraft(delegate.page, draftId);
    // A delegate may follow, not lead; without a reading, nothing of it shows.
    expect(await delegate.page.getByRole('button', { name: 'Start the reading' }).count()).toBe(0);
    expect(await delegate.page.locator('.reading-bar').count()).toBe(0);

    const chair = await open('chair@committee.test', 'en-GB');
    await openDraft(chair.page, draftId);
    await chair.page.getByRole('button', { name: 'Start the reading' }).waitFor();
    await screenshot(chair.page, 'reading-start-en');
    await chair.page.getByLabel('Reading', { exact: true }).selectOption('FIRST');
    await chair.page.getByRole('button', { name: 'Start the reading' }).click();

    await bannerSays(delegate.page, 'First reading — paragraph 1');
    await followed(delegate.page, 1);
    expect(
      await delegate.page
        .locator('[role=status]', { hasText: 'First reading — paragraph 1' })
        .count(),
    ).toBe(1);

    // Outcomes move the reading on; previous and next too.
    const controls = chair.page.getByRole('group', { name: 'Lead the reading' });
    await controls.getByRole('button', { name: 'Agreed', exact: true }).click();
    await bannerSays(delegate.page, 'First reading — paragraph 2');
    await followed(delegate.page, 2);
    await bannerSays(chair.page, 'First reading — paragraph 2');
    await controls.getByRole('button', { name: 'Next paragraph' }).click();
    await followed(delegate.page, 3);
    await bannerSays(chair.page, 'First reading — paragraph 3');
    await controls.getByRole('button', { name: 'Bracketed' }).click();
    await followed(delegate.page, 4);
    await bannerSays(chair.page, 'First reading — paragraph 4');
    await controls.getByRole('button', { name: 'Agreed ad ref.' }).click();
    await followed(delegate.page, 5);

    // Far down the text: the delegate's page scrolls to it, by keyboard on the Chair's side.
    for (let n = 6; n <= 24; n += 1) {
      await bannerSays(chair.page, `First reading — paragraph ${n - 1}`);
      await stepDone(chair.page);
      await controls.getByRole('button', { name: 'Next paragraph' }).focus();
      await chair.page.keyboard.press('Enter');
    }
    await bannerSays(delegate.page, 'First reading — paragraph 24');
    await followed(delegate.page, 24);
    expect(await delegate.page.evaluate(SCROLL_Y)).toBeGreaterThan(500);

    const outcomes = delegate.page.locator('.reading-outcomes li .outcome-badge');
    await waitFor(
      () => outcomes.allInnerTexts(),
      (list) => list.length === 3,
    );
    expect(await outcomes.allInnerTexts()).toEqual([
      'Paragraph 1: Agreed',
      'Paragraph 3: Bracketed',
      'Paragraph 4: Agreed ad ref.',
    ]);
    expect(await delegate.page.locator('.reading-outcomes li').first().innerText()).toMatch(
      /Chair \(demo, Indonesia\)/,
    );

    // What the delegate sees while following, far down the text: the bar stays in sight.
    await delegate.page.screenshot({ path: path.join(ARTIFACTS, 'reading-following-en.png') });
    await expectNoAxeViolations(delegate.page, 'a delegate following a reading');
    await expectNoAxeViolations(chair.page, 'the Chair leading a reading');
    await delegate.page.evaluate('window.scrollTo(0, 0)');
    await screenshot(delegate.page, 'reading-delegate-en');
    await chair.page.evaluate('window.scrollTo(0, 0)');
    await screenshot(chair.page, 'reading-chair-en');

    // The delegate stops following: the reading still shows where it is, the text stays put.
    await delegate.page.getByRole('button', { name: 'Stop following' }).click();
    expect(await current(delegate.page)).toBeNull();
    await delegate.page.evaluate('window.scrollTo(0, 0)');
    await controls.getByRole('button', { name: 'Previous paragraph' }).click();
    await bannerSays(delegate.page, 'First reading — paragraph 23');
    await bannerSays(chair.page, 'First reading — paragraph 23');
    // The banner may follow the live event before the Chair's step has its answer; until then the
    // controls take no second step (aria-disabled), as a person would see them.
    await stepDone(chair.page);
    await controls.getByRole('button', { name: 'Parked' }).click();
    await bannerSays(delegate.page, 'First reading — paragraph 24');
    await settled(delegate.page);
    expect(await current(delegate.page)).toBeNull();
    expect(await delegate.page.evaluate(SCROLL_Y)).toBe(0);
    await waitFor(
      () => outcomes.allInnerTexts(),
      (list) => list.includes('Paragraph 23: Parked'),
    );

    // Following again brings them back to the paragraph read.
    await delegate.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await followed(delegate.page, 24);

    // Ended: the banner and the highlight go, for everyone.
    await controls.getByRole('button', { name: 'End the reading' }).click();
    await delegate.page.locator('.reading-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await current(delegate.page)).toBeNull();
    await chair.page.getByRole('button', { name: 'Start the reading' }).waitFor();
  }, 180_000);

  it('the same in French', async () => {
    const draftId = await draftWithIds();
    const delegate = await open('delegate@committee.test', 'fr-FR');
    await openDraft(delegate.page, draftId);
    const chair = await open('chair@committee.test', 'fr-FR');
    await openDraft(chair.page, draftId);

    await chair.page.getByLabel('Lecture', { exact: true }).selectOption('SECOND');
    await chair.page.getByRole('button', { name: 'Commencer la lecture' }).click();
    await bannerSays(delegate.page, 'Deuxième lecture — paragraphe 1');
    await followed(delegate.page, 1);

    // By keyboard: the Start button is gone once the reading shows, the focus goes to the
    // controls that replace it; an outcome keeps it on its button for the next paragraph.
    const controls = chair.page.getByRole('group', { name: 'Conduire la lecture' });
    await bannerSays(chair.page, 'Deuxième lecture — paragraphe 1');
    await waitFor(
      () => chair.page.evaluate(FOCUSED) as Promise<string | null>,
      (f) => f?.includes('Paragraphe suivant') === true,
    );
    await controls.getByRole('button', { name: 'Convenu', exact: true }).focus();
    await chair.page.keyboard.press('Enter');
    await bannerSays(delegate.page, 'Deuxième lecture — paragraphe 2');
    await bannerSays(chair.page, 'Deuxième lecture — paragraphe 2');
    expect(await chair.page.evaluate(FOCUSED)).toBe('Convenu');
    await followed(delegate.page, 2);
    await controls.getByRole('button', { name: 'Entre crochets' }).click();
    await followed(delegate.page, 3);
    for (let n = 4; n <= 20; n += 1) {
      await bannerSays(chair.page, `Deuxième lecture — paragraphe ${n - 1}`);
      await controls.getByRole('button', { name: 'Paragraphe suivant' }).click();
    }
    await bannerSays(delegate.page, 'Deuxième lecture — paragraphe 20');
    await followed(delegate.page, 20);
    const outcomes = delegate.page.locator('.reading-outcomes li .outcome-badge');
    await waitFor(
      () => outcomes.allInnerTexts(),
      (list) => list.length === 2,
    );
    expect(await outcomes.allInnerTexts()).toEqual([
      'Paragraphe 1 : Convenu',
      'Paragraphe 2 : Entre crochets',
    ]);

    await expectNoAxeViolations(delegate.page, 'une déléguée qui suit la lecture');
    await expectNoAxeViolations(chair.page, 'la présidence qui conduit la lecture');
    await delegate.page.evaluate('window.scrollTo(0, 0)');
    await screenshot(delegate.page, 'reading-delegate-fr');
    await chair.page.evaluate('window.scrollTo(0, 0)');
    await screenshot(chair.page, 'reading-chair-fr');

    await delegate.page.getByRole('button', { name: 'Ne plus suivre' }).click();
    expect(await current(delegate.page)).toBeNull();
    await delegate.page.evaluate('window.scrollTo(0, 0)');
    await controls.getByRole('button', { name: 'En suspens' }).click();
    await bannerSays(delegate.page, 'Deuxième lecture — paragraphe 21');
    await settled(delegate.page);
    expect(await current(delegate.page)).toBeNull();
    expect(await delegate.page.evaluate(SCROLL_Y)).toBe(0);
    await delegate.page.getByRole('button', { name: 'Suivre', exact: true }).click();
    await followed(delegate.page, 21);

    await controls.getByRole('button', { name: 'Terminer la lecture' }).click();
    await delegate.page.locator('.reading-banner').waitFor({ state: 'detached', timeout: 10_000 });
  }, 180_000);
});
