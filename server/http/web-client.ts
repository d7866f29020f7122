import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { DRAFT_PAGE_QUERY } from '../../client/src/pages/draft/draft-page-query';
import type { Config } from '../config';
import { logger } from '../logger';
import { landingPage } from './landing';

/** Where `npm run build:client` puts the web client: dist/web, from the sources or from dist. */
export function findWebDir(): string | null {
  const candidates = [
    path.resolve(__dirname, '../../web'),
    path.resolve(__dirname, '../../dist/web'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built web client at `/`: hashed assets cached for good, and index.html (never
 * cached) for every other page path so that links into the app (/drafts/…) load it. Without a
 * build, `/` explains where the API is.
 */
export function serveWebClient(app: Express, config: Config): void {
  const dir = findWebDir();
  if (!dir) {
    logger.warn('web client not built (npm run build:client); serving the API only');
    app.get('/', landingPage(config));
    return;
  }
  app.use('/assets', precompressed(path.join(dir, 'assets')));
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      index: false,
      fallthrough: false,
    }),
  );
  const pages = indexPages(dir);
  app.get(/^\/(?!graphql|healthz|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(pages(req.path));
  });
}

/** Content codings of the copies the build writes next to scripts and stylesheets (client/vite.config.mts). */
const CODINGS: Record<string, string> = { br: '.br', gzip: '.gz' };

/**
 * A script or stylesheet as the build compressed it, brotli or gzip as the browser accepts (a
 * third of the bytes; the main script arrives, and runs, sooner); otherwise, or without such a
 * copy, on to the plain file.
 */
function precompressed(assets: string): RequestHandler {
  return (req, res, next) => {
    const name = req.path.slice(1);
    if (!/^[\w.-]+\.(?:js|css)$/.test(name)) return next();
    res.vary('Accept-Encoding');
    // Brotli when taken at all (browsers list gzip first), gzip otherwise.
    const coding = Object.keys(CODINGS).find((c) => req.acceptsEncodings(c) === c);
    const suffix = coding && CODINGS[coding];
    if (!coding || !suffix || !existsSync(path.join(assets, name + suffix))) return next();
    res.setHeader('Content-Encoding', coding);
    res.type(path.extname(name));
    res.sendFile(name + suffix, { root: assets, immutable: true, maxAge: '1y' }, (err) => {
      // Not sent after all (gone since): the plain file then.
      if (err && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        next();
      }
    });
  };
}

/** Each page's code, split from the main bundle (client/src/app/app.tsx), by the paths that show it. */
const PAGE_CODE: [RegExp, string][] = [
  [/^\/drafts\//, 'src/pages/draft/draft-page.tsx'],
  [/^\/groups\//, 'src/pages/working-group/working-group-page.tsx'],
  [/^\/calendar(\/|$)/, 'src/pages/calendar/calendar-page.tsx'],
  [/^\/$/, 'src/pages/dashboard/dashboard-page.tsx'],
];

/**
 * index.html for a path: it fetches the code of the page it shows alongside the main bundle, not
 * after it; a draft's also starts loading its text before any of the code has run. Read again
 * when a new build replaces it.
 */
function indexPages(dir: string): (pagePath: string) => string {
  const file = path.join(dir, 'index.html');
  let cached: { mtimeMs: number; index: string; variants: Map<string, string> } | null = null;
  return (pagePath) => {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs)
      cached = { mtimeMs, index: readFileSync(file, 'utf8'), variants: new Map() };
    const source = PAGE_CODE.find(([pattern]) => pattern.test(pagePath))?.[1];
    if (!source) return cached.index;
    let html = cached.variants.get(source);
    if (html === undefined) {
      html = cached.index.replace('</head>', `${preloadTags(dir, source)}</head>`);
      // First in <head>: an inline script placed after a stylesheet waits for it to load.
      if (source === PAGE_CODE[0][1])
        html = html.replace('<head>', `<head>${DRAFT_STATE_PREFETCH}`);
      cached.variants.set(source, html);
    }
    return html;
  };
}

/**
 * Runs while the page's HTML is parsed: asks for the draft's whole state (the DraftState query of
 * client/src/editor/draft-connection.ts) and for what the page shows above it and whether the
 * person may edit (the DraftPage query, in the language the client will choose: see
 * client/src/i18n/i18n.ts), with the session the client keeps in localStorage. It leaves the
 * promises in window.__draftPrefetch and window.__draftPagePrefetch for the client to take; the
 * editor then waits on no request the main script would only start once it has run. Anything
 * missing (no session, another page) and it does nothing; the client then asks itself.
 */
const DRAFT_STATE_PREFETCH_CODE = `(function () {
  try {
    var m = /^\\/drafts\\/([0-9a-f]{24})$/.exec(location.pathname);
    var s = JSON.parse(localStorage.getItem('committee.session') || 'null');
    if (!m || !s || !s.token) return;
    var post = function (operationName, query, variables) {
      return fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + s.token },
        body: JSON.stringify({ operationName: operationName, query: query, variables: variables })
      });
    };
    window.__draftPrefetch = { id: m[1], result: post('DraftState', 'query DraftState($id: ID!) { draft(id: $id) { id seq state } }', { id: m[1] }).then(function (r) { return r.json(); }) };
    var l = localStorage.getItem('committee.lang');
    if (l !== 'en' && l !== 'fr') l = (navigator.language || '').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en';
    var q = ${JSON.stringify(DRAFT_PAGE_QUERY)};
    var v = { id: m[1], lang: l === 'fr' ? 'FR' : 'EN' };
    window.__draftPagePrefetch = { token: s.token, variables: v, query: q, result: post('DraftPage', q, v).then(function (r) { return r.ok ? r.json() : null; }) };
  } catch (e) {}
})();`;
const DRAFT_STATE_PREFETCH = `<script>${DRAFT_STATE_PREFETCH_CODE}</script>`;

/** The inline scripts the pages carry, as the Content-Security-Policy allows them (by hash). */
export const INLINE_SCRIPT_HASHES = [
  `'sha256-${createHash('sha256').update(DRAFT_STATE_PREFETCH_CODE).digest('base64')}'`,
];

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

/**
 * modulepreload and stylesheet links for a lazily loaded module and the chunks it imports (code
 * it shares with other pages), from Vite's build manifest; the entry, which index.html already
 * loads, is left out.
 */
export function preloadTags(dir: string, source: string): string {
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return '';
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry || seen.has(key)) return;
    seen.add(key);
    if (!html.includes(`/${chunk.file}"`)) scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!styles.includes(css)) styles.push(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(source);
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...styles.map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`),
  ].join('');
}
