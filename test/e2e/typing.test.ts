import type { Page } from 'playwright-core';
import { Role } from '../../server/modules/users/role';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorParagraphs, waitFor } from '../helpers/editor-page';
import { buildUser, FACTORY_PASSWORD, workingGroupId } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const RUNS = 20;
const sentence = (i: number) => `Sentence ${i} opens here and goes on.`;

/**
 * What is typed is what is stored: "Enter, sentence" typed at 30 ms a key, twenty times, while a
 * second member of the group types into another paragraph of the same draft. Every paragraph
 * must hold exactly what was typed into it, in the typist's page, the other's and the server's.
 */
describe('typing is exact', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  // Each case opens its own pages on its own draft; they are closed when it ends.
  const contexts = contextsClosedAfterEach();
  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  const newDraft = async (): Promise<string> => {
    const chair = await t.login('chair@committee.test');
    const res = await t.gql<{ createDraft: { id: string } }>(
      'mutation($i: CreateDraftInput!) { createDraft(input: $i) { id } }',
      {
        i: {
          workingGroupId: (await workingGroupId(1)).toHexString(),
          titleEn: `Typing ${Date.now()}`,
          titleFr: `Saisie ${Date.now()}`,
        },
      },
      chair,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createDraft.id;
  };

  const openDraft = async (email: string, password: string, draftId: string): Promise<Page> => {
    const session = await signedIn(b.browser, t.url, email, password);
    contexts.push(session.context);
    await session.page.goto(`/drafts/${draftId}`);
    await session.page.locator('.draft-text[contenteditable=true]').waitFor();
    return session.page;
  };

  it('puts every letter of "Enter, sentence" in its own paragraph while a co-author types elsewhere', async () => {
    const draftId = await newDraft();
    const other = await buildUser(t, [Role.DELEGATE], [1]);
    const typist = await openDraft('delegate@committee.test', TEST_PASSWORD, draftId);
    const coAuthor = await openDraft(other.email, FACTORY_PASSWORD, draftId);

    // The co-author's paragraph comes first; the typist works below it.
    await coAuthor.locator('.draft-text').click();
    await coAuthor.keyboard.type('Co-author paragraph.');
    await waitFor(
      () => editorParagraphs(typist),
      (p) => p[0] === 'Co-author paragraph.',
    );
    await typist.locator('.draft-text').click();
    await typist.keyboard.press('Control+End');

    let coAuthorTyped = '';
    let typing = true;
    const coAuthorTyping = (async () => {
      await coAuthor.locator('.draft-text > p').first().click();
      await coAuthor.keyboard.press('End');
      for (let i = 0; typing && i < 400; i += 1) {
        const word = ` w${i}`;
        await coAuthor.keyboard.type(word, { delay: 45 });
        coAuthorTyped += word;
      }
    })();
    for (let i = 1; i <= RUNS; i += 1) {
      await typist.keyboard.press('Enter');
      await typist.keyboard.type(sentence(i), { delay: 30 });
    }
    typing = false;
    await coAuthorTyping;
    const want = [
      `Co-author paragraph.${coAuthorTyped}`,
      ...Array.from({ length: RUNS }, (_, i) => sentence(i + 1)),
    ];
    const same = (p: string[]) => JSON.stringify(p) === JSON.stringify(want);
    expect(await waitFor(() => editorParagraphs(typist), same)).toEqual(want);
    expect(await waitFor(() => editorParagraphs(coAuthor), same)).toEqual(want);
    // Stored means acknowledged to its sender: both editors' edits, not only the typist's.
    await typist.locator('.sync-saved').waitFor();
    await coAuthor.locator('.sync-saved').waitFor();
    const chair = await t.login('chair@committee.test');
    const stored = await t.gql<{ draft: { text: string } }>(
      'query($d: ID!) { draft(id: $d) { text } }',
      { d: draftId },
      chair,
    );
    expect(stored.data!.draft.text.split('\n')).toEqual(want);
  }, 240_000);

  it('draws paragraph numbers in the margin, before and after the person starts working in the draft', async () => {
    const draftId = await newDraft();
    const typist = await openDraft('delegate@committee.test', TEST_PASSWORD, draftId);
    await typist.locator('.draft-text').click();
    await typist.keyboard.type('First paragraph.');
    await typist.keyboard.press('Enter');
    await typist.keyboard.type('Second paragraph.');
    await typist.locator('.sync-saved').waitFor();
    // The margin left of a paragraph, and the same strip below the last one, where nothing is drawn.
    const margins = async (page: Page) => {
      const editor = (await page.locator('.draft-text').boundingBox())!;
      const first = (await page.locator('.draft-text > p').first().boundingBox())!;
      const last = (await page.locator('.draft-text > p').last().boundingBox())!;
      const strip = { x: editor.x + 4, width: first.x - editor.x - 8, height: first.height };
      const numbered = await page.screenshot({ clip: { ...strip, y: first.y } });
      const blank = await page.screenshot({ clip: { ...strip, y: last.y + last.height * 3 } });
      return { numbered, blank };
    };
    // Opened afresh, before any click: the lazily laid out state.
    const reader = await openDraft('coordinator@committee.test', TEST_PASSWORD, draftId);
    await waitFor(
      () => editorParagraphs(reader),
      (p) => p.length === 2,
    );
    expect(await reader.locator('.editor.lazy-layout').count()).toBe(1);
    let { numbered, blank } = await margins(reader);
    expect(numbered.equals(blank)).toBe(false);
    await screenshot(reader, 'draft-paragraph-numbers');
    await reader.locator('.draft-text > p').last().click();
    expect(await reader.locator('.editor.lazy-layout').count()).toBe(0);
    ({ numbered, blank } = await margins(reader));
    expect(numbered.equals(blank)).toBe(false);
  });
});
