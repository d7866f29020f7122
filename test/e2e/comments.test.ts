import type { Page } from 'playwright-core';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { addParagraph, connectEditor } from '../helpers/editors';
import { draftOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const PASSAGE = 'passage under discussion';
const FIRST = `The ${PASSAGE} is in the first paragraph.`;
const SECOND = 'States are encouraged to report on their national measures.';

interface StoredComment {
  body: string;
  anchor: { quote: string } | null;
}

// Where the characters from `from` to `to` of the paragraph holding `text` are on screen.
// (A string, run in the page: these tests are compiled without the DOM's types.)
const boxesOf = (text: string, from: number, to: number) => `(() => {
  const p = [...document.querySelectorAll('.draft-text > p')].find((el) => el.textContent.includes(${JSON.stringify(text)}));
  const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
  const box = (i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y + r.height / 2, width: r.width };
  };
  return [box(${from}), box(${to} - 1)];
})()`;

const NEW_COMMENT_EMPTY = `document.querySelector('.draft-side .comments > .new-comment textarea').value === ''`;

/** Selects characters `from` to `to` of the paragraph holding `text` with the mouse, as a reader would. */
async function selectInParagraph(
  page: Page,
  text: string,
  from: number,
  to: number,
): Promise<void> {
  const [first, last] = (await page.evaluate(boxesOf(text, from, to))) as {
    x: number;
    y: number;
    width: number;
  }[];
  // A press inside a selection drags that selection's text rather than starting a new one: the
  // selection is collapsed first (without it, the second selection of the first test found none).
  await page.evaluate(
    '(() => { const s = window.getSelection(); if (s && s.rangeCount > 0 && !s.isCollapsed) s.collapseToStart(); })()',
  );
  // Inside the first character's left half and the last one's right half: the selection starts
  // before the one and ends after the other.
  await page.mouse.move(first.x + first.width * 0.25, first.y);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width * 0.75, last.y, { steps: 5 });
  await page.mouse.up();
}

describe('comments on a draft: a passage or the whole draft', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let draftId: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale?: string) => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    await session.page.goto(`/drafts/${draftId}`);
    await session.page.locator('.draft-text[contenteditable=true]').waitFor();
    await session.page.locator('.draft-text > p', { hasText: SECOND }).waitFor();
    return session;
  };
  const stored = async (): Promise<StoredComment[]> => {
    const token = await t.login('chair@committee.test');
    const res = await t.gql<{ comments: StoredComment[] }>(
      'query($t: ID!) { comments(targetId: $t) { body anchor { quote } } }',
      { t: draftId },
      token,
    );
    return res.data!.comments;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    draftId = await draftOf(1);
    // The text comes from an editor in Node: these tests are about comments, not typing.
    const writer = connectEditor(t.url, await t.login('coordinator@committee.test'), draftId);
    await writer.provider.whenSynced();
    addParagraph(writer.doc, FIRST);
    addParagraph(writer.doc, SECOND);
    await writer.provider.whenAcknowledged();
    await writer.close();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('previews the selected passage live, anchors a comment to it, and takes one on the whole draft', async () => {
    const { page } = await open('delegate@committee.test');
    const side = page.locator('.draft-side');
    const hint = side.getByText('Select a passage of the text to comment on it.');
    const onPassage = side.getByRole('radio', { name: 'On the selected passage' });
    const onWhole = side.getByRole('radio', { name: 'On the whole draft' });
    const preview = side.locator('.passage-preview');
    // Sent once the server answered and the form is empty again: the new thread may show
    // earlier, from the live event.
    const send = async () => {
      await side.getByRole('button', { name: 'Send' }).click();
      await page.waitForFunction(NEW_COMMENT_EMPTY);
    };

    // Nothing selected: the hint, and the whole draft as the only choice.
    await hint.waitFor();
    await screenshot(page, 'comments-hint');
    expect(await onPassage.isDisabled()).toBe(true);
    expect(await onWhole.isChecked()).toBe(true);

    await selectInParagraph(page, FIRST, 'The '.length, `The ${PASSAGE}`.length);
    await preview.filter({ hasText: `“${PASSAGE}”` }).waitFor();
    await hint.waitFor({ state: 'detached' });
    expect(await onPassage.isChecked()).toBe(true);
    // The preview follows the selection as it grows.
    await page.keyboard.press('Shift+End');
    await preview.filter({ hasText: `“${FIRST.slice('The '.length)}”` }).waitFor();
    await selectInParagraph(page, FIRST, 'The '.length, `The ${PASSAGE}`.length);
    await preview.filter({ hasText: `“${PASSAGE}”` }).waitFor();
    await screenshot(page, 'comments-passage-preview');

    await side.getByLabel('Add a comment').fill('Could we say "issue" instead?');
    await send();
    const anchored = side.locator('.thread', { hasText: 'Could we say "issue" instead?' });
    await anchored.locator('.anchor-quote', { hasText: PASSAGE }).waitFor();
    await page.locator('.comment-anchor', { hasText: PASSAGE }).waitFor();
    // The author once, the delegation once.
    expect(await anchored.locator('.comment .meta').innerText()).toMatch(
      /^Delegate \(demo\) · France · /,
    );

    // A click in the text leaves nothing selected: the comment is on the whole draft.
    await page.locator('.draft-text > p', { hasText: SECOND }).click();
    await hint.waitFor();
    expect(await onWhole.isChecked()).toBe(true);
    await side.getByLabel('Add a comment').fill('The draft as a whole is too long.');
    await send();
    const whole = side.locator('.thread', { hasText: 'The draft as a whole is too long.' });
    await whole.locator('.thread-scope', { hasText: 'On the whole draft' }).waitFor();
    expect(await whole.locator('.anchor-quote').count()).toBe(0);

    // With a passage selected, the whole draft can still be chosen.
    await selectInParagraph(page, SECOND, 0, 'States'.length);
    await preview.filter({ hasText: '“States”' }).waitFor();
    await onWhole.check();
    await side.getByLabel('Add a comment').fill('Also on the whole draft.');
    await send();
    await side
      .locator('.thread', { hasText: 'Also on the whole draft.' })
      .locator('.thread-scope')
      .waitFor();
    // The passage still selected is proposed again for the next comment.
    expect(await onPassage.isChecked()).toBe(true);
    await screenshot(page, 'comments-draft');

    const byBody = new Map((await stored()).map((c) => [c.body, c.anchor]));
    expect(byBody.get('Could we say "issue" instead?')).toEqual({ quote: PASSAGE });
    expect(byBody.get('The draft as a whole is too long.')).toBeNull();
    expect(byBody.get('Also on the whole draft.')).toBeNull();
  });

  it('speaks French: hint, preview in French quotation marks, the delegation in French', async () => {
    const { page } = await open('coordinator@committee.test', 'fr-FR');
    const side = page.locator('.draft-side');
    await side.getByText('Sélectionnez un passage du texte pour le commenter.').waitFor();
    expect(await side.getByRole('radio', { name: 'Sur l’ensemble du projet' }).isChecked()).toBe(
      true,
    );

    await selectInParagraph(page, SECOND, 0, 'States'.length);
    await side.locator('.passage-preview', { hasText: '« States »' }).waitFor();
    expect(await side.getByRole('radio', { name: 'Sur le passage sélectionné' }).isChecked()).toBe(
      true,
    );
    await side.getByLabel('Ajouter un commentaire').fill('Préciser « States » ?');
    await side.getByRole('button', { name: 'Envoyer' }).click();
    const thread = side.locator('.thread', { hasText: 'Préciser « States » ?' });
    await thread.locator('.anchor-quote', { hasText: 'Sur « States »' }).waitFor();
    expect(await thread.locator('.comment .meta').innerText()).toMatch(
      /^Working group 1 coordinator \(demo\) · Estonie · /,
    );
    await screenshot(page, 'comments-draft-fr');
  });
});
