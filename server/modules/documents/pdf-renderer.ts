import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError, appError, ErrorCode } from '../../core/errors';
import { logger } from '../../logger';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Prints HTML to PDF with headless Chromium (Debian's, the one the browser tests drive). The
 * browser starts at the first PDF asked for and stays for the next ones; nothing it renders may
 * reach the network (the page is given whole, every request is refused).
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {}

  async render(html: string): Promise<Buffer> {
    const browser = await this.start().catch((err: unknown) => {
      if (err instanceof AppError) throw err;
      throw appError(
        ErrorCode.ExportUnavailable,
        'PDF export is not available at the moment (its renderer did not start). The Word export works.',
      );
    });
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        // Page numbers on every page, as printed for a meeting.
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8pt;width:100%;text-align:center;font-family:serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private async start(): Promise<Browser> {
    if (!existsSync(this.executablePath))
      throw appError(
        ErrorCode.ExportUnavailable,
        'PDF export is not available on this server: it needs Chromium (set CHROMIUM_PATH). The Word export works.',
      );
    if (!this.browser) {
      // playwright-core is loaded with the first PDF, not at start: it alone held some 28 MiB
      // of heap (68 MiB resident) in every server, most of which never print.
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      const launching = chromium.launch({
        executablePath: this.executablePath,
        args: CHROMIUM_FLAGS,
      });
      this.browser = launching;
      launching.then(
        (b) =>
          b.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          }),
        (err: unknown) => {
          logger.error({ err }, 'the PDF renderer (Chromium) did not start');
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }
}
