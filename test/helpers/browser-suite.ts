import type { BrowserContext, Page } from 'playwright-core';
import { contextsClosedAfterEach, launchBrowser, signedIn, type TestBrowser } from './browser';
import { startTestPlatform, TEST_PASSWORD, type TestPlatform } from './test-platform';

export interface BrowserSuite {
  /** The platform of the file (started before its first test). */
  readonly t: TestPlatform;
  readonly b: TestBrowser;
  /** A person signed in in a browser profile of their own, closed after the test. */
  open(
    email: string,
    opts?: { locale?: string; password?: string },
  ): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * What a browser test file sets up: a platform and a browser for the file, and signed-in people
 * whose profiles close after each test.
 */
export function browserSuite(env: Record<string, string> = {}): BrowserSuite {
  let t: TestPlatform | undefined;
  let b: TestBrowser | undefined;
  const contexts = contextsClosedAfterEach();
  beforeAll(async () => {
    t = await startTestPlatform(env);
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the browser suite has not started yet (use it inside a test)');
    return value;
  };
  return {
    get t() {
      return started(t);
    },
    get b() {
      return started(b);
    },
    async open(email, { locale = 'en-GB', password = TEST_PASSWORD } = {}) {
      const session = await signedIn(started(b).browser, started(t).url, email, password, {
        locale,
      });
      contexts.push(session.context);
      return session;
    },
  };
}
