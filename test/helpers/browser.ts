import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

// Debian's Chromium, headless, with nothing that reaches the network on its own.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // playwright gives every launch a fresh temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    headless: true,
  });
  return { browser, close: () => browser.close() };
}

/** A fresh browser profile (its own storage) signed in as `email`, on the dashboard. */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  opts: { locale?: string; timezoneId?: string; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: opts.locale ?? 'en-GB',
    timezoneId: opts.timezoneId,
    reducedMotion: opts.reducedMotion,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel(/email|adresse/i).fill(email);
  await page.getByLabel(/password|mot de passe/i).fill(password);
  await page.locator('form button[type=submit]').click();
  // The Committee's people land on the dashboard, a Member State's guest on its consultations.
  await page.locator('main .dashboard, main .consultations-page').first().waitFor();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The browser contexts a test file opens, closed after each test: a failed test must not leave
 * its people "in" a draft (present, editing) for the next one.
 */
export function contextsClosedAfterEach(): BrowserContext[] {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  return contexts;
}
