import type { Page } from 'playwright-core';

// The paragraphs as typed, without the name labels of other people's carets.
// (A string, run in the page: these tests are compiled without the DOM's types.)
const PARAGRAPHS_OF_EDITOR = `[...document.querySelector('.draft-text').children].map((p) => {
  const copy = p.cloneNode(true);
  copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
  return copy.textContent;
})`;

export const editorParagraphs = async (page: Page): Promise<string[]> =>
  (await page.evaluate(PARAGRAPHS_OF_EDITOR)) as string[];

export const editorText = async (page: Page): Promise<string> =>
  (await editorParagraphs(page)).join('\n');

export { waitFor } from './wait';

/** Opens a draft's page and waits until its text takes typing. */
export const openEditableDraft = async (page: Page, draftId: string): Promise<void> => {
  await page.goto(`/drafts/${draftId}`);
  await page.locator('.draft-text[contenteditable=true]').waitFor();
};

/**
 * Types at the end of the draft's text; with `saved`, waits until the page says every edit is
 * stored (leave it off where the text is expected to refuse the typing).
 */
export const typeAtEnd = async (
  page: Page,
  text: string,
  { saved = false }: { saved?: boolean } = {},
): Promise<void> => {
  await page.locator('.draft-text').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  if (saved) await page.locator('.sync-saved').waitFor();
};
