import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
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
    const { index, draftIndex } = pages();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(req.path.startsWith('/drafts/') ? draftIndex : index);
  });
}

/** index.html, and its variant for draft pages; read again when a new build replaces it. */
function indexPages(dir: string): () => { index: string; draftIndex: string } {
  const file = path.join(dir, 'index.html');
  let cached: { mtimeMs: number; index: string; draftIndex: string } | null = null;
  return () => {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) {
      const index = readFileSync(file, 'utf8');
      // A draft opened by its address fetches the editor's code alongside the rest, not after it,
      // and its text before any of the code has run.
      const draftIndex = index.replace(
        '</head>',
        `${DRAFT_STATE_PREFETCH}${preloadTags(dir, 'src/pages/draft/draft-page.tsx')}</head>`,
      );
      cached = { mtimeMs, index, draftIndex };
    }
    return cached;
  };
}

/**
 * Runs while the page's HTML is parsed: asks for the draft's whole state (the DraftState query of
 * client/src/editor/draft-connection.ts) with the session the client keeps in localStorage, and
 * leaves the promise in window.__draftPrefetch for the client to take. Anything missing (no
 * session, another page) and it does nothing; the client then asks itself.
 */
const DRAFT_STATE_PREFETCH = `<script>(function () {
  try {
    var m = /^\\/drafts\\/([0-9a-f]{24})$/.exec(location.pathname);
    var s = JSON.parse(localStorage.getItem('committee.session') || 'null');
    if (!m || !s || !s.token) return;
    window.__draftPrefetch = { id: m[1], result: fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + s.token },
      body: JSON.stringify({ operationName: 'DraftState', query: 'query DraftState($id: ID!) { draft(id: $id) { id seq state } }', variables: { id: m[1] } })
    }).then(function (r) { return r.json(); }) };
  } catch (e) {}
})();</script>`;

interface ManifestChunk {
  file: string;
  css?: string[];
}

/** modulepreload and stylesheet links for a lazily loaded module, from Vite's build manifest. */
export function preloadTags(dir: string, source: string): string {
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return '';
  const chunk = (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>)[
    source
  ];
  if (!chunk) return '';
  return [
    `<link rel="modulepreload" crossorigin href="/${chunk.file}">`,
    ...(chunk.css ?? []).map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`),
  ].join('');
}
