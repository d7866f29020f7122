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
