import type { Page } from 'playwright-core';
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

/** Every Content-Security-Policy violation the page reports, as it happens. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  return seen;
}

describe('in production: introspection off, security headers on, and the app works under its CSP', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  const contexts = contextsClosedAfterEach();
  beforeAll(async () => {
    t = await startTestPlatform({ NODE_ENV: 'production', TRUST_PROXY: 'loopback' });
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('refuses introspection', async () => {
    const res = await t.gql('{ __schema { queryType { name } } }');
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
    const token = await t.login('chair@committee.test');
    const ok = await t.gql<{ drafts: unknown[] }>('{ drafts { id } }', {}, token);
    expect(ok.data?.drafts.length).toBeGreaterThan(0);
  });

  it('sends the security headers with every answer', async () => {
    for (const path of ['/', '/graphql', '/healthz']) {
      const res = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('signs in, opens a draft, types and sees it saved, in English and French, with no CSP violation', async () => {
    const draftId = await draftOf(1);
    for (const locale of ['en-GB', 'fr-FR']) {
      const { context, page } = await signedIn(
        b.browser,
        t.url,
        'chair@committee.test',
        TEST_PASSWORD,
        { locale },
      );
      contexts.push(context);
      const violations = watchViolations(page);
      // The draft page is loaded whole (with its inline prefetch script), not reached in-app.
      await openEditableDraft(page, draftId);
      const words = ` Typed under the policy (${locale}).`;
      await typeAtEnd(page, words, { saved: true });
      await waitFor(
        () => editorText(page),
        (text) => text.includes(words.trim()),
        30_000,
      );
      // The live socket (a reload reads the text back through it and GraphQL).
      await page.reload();
      await page.locator('.draft-text[contenteditable=true]').waitFor({ timeout: 30_000 });
      await waitFor(
        () => editorText(page),
        (text) => text.includes(words.trim()),
        30_000,
      );
      await screenshot(page, `production-csp-draft-${locale.slice(0, 2)}`);
      expect(violations).toEqual([]);
    }
  }, 180_000);
});
