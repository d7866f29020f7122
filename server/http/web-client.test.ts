import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import { findWebDir } from './web-client';

describe('web client served at /', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  const page = async (path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
    return { status: res.status, cache: res.headers.get('cache-control'), html: await res.text() };
  };

  it('answers every page address with the app, never cached', async () => {
    for (const path of ['/', '/calendar/2020-02', '/groups/abc']) {
      const { status, cache, html } = await page(path);
      expect(status).toBe(200);
      expect(cache).toBe('no-cache');
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toMatch(/__draftPrefetch|__draftPagePrefetch/);
    }
  });

  it("starts loading a draft's text and the editor's code from the HTML of a draft page", async () => {
    const { html } = await page('/drafts/0123456789abcdef01234567');
    expect(html).toContain('window.__draftPrefetch');
    expect(html).toContain('window.__draftPagePrefetch');
    expect(html).toMatch(
      /<link rel="modulepreload" crossorigin href="\/assets\/draft-page-[^"]+\.js">/,
    );
    // Before any stylesheet, which an inline script would wait for.
    expect(html.indexOf('window.__draftPrefetch')).toBeLessThan(html.indexOf('rel="stylesheet"'));
  });

  it("preloads the code of the page shown, and of the chunks it imports, and no other page's", async () => {
    const manifest = JSON.parse(
      readFileSync(path.join(findWebDir()!, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;
    const draft = manifest['src/pages/draft/draft-page.tsx'];
    const { html } = await page('/drafts/0123456789abcdef01234567');
    for (const key of draft.imports ?? []) expect(html).toContain(`"/${manifest[key].file}"`);
    const dashboard = (await page('/')).html;
    expect(dashboard).toMatch(/modulepreload[^>]+dashboard-page-/);
    expect(dashboard).not.toMatch(/draft-page-|__draftPrefetch/);
    expect((await page('/calendar/2020-02')).html).toMatch(/modulepreload[^>]+calendar-page-/);
  });

  it('serves hashed assets for good and says 404 for missing ones', async () => {
    const index = (await page('/')).html;
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(index)![1];
    const asset = await fetch(`${t.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${t.url}/assets/nothing-here.js`)).status).toBe(404);
  });

  it('sends scripts compressed at build time, brotli or gzip as the browser takes them', async () => {
    const index = (await page('/')).html;
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(index)![1];
    const plain = readFileSync(path.join(findWebDir()!, script));
    const get = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(`${t.url}${script}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    const identity = await get('identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });
});
