import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { logger } from '../logger';
import { landingPage } from './landing';

/** Where `npm run build:client` puts the web client: dist/web, from the sources or from dist. */
export function findWebDir(): string | null {
  const candidates = [path.resolve(__dirname, '../../web'), path.resolve(__dirname, '../../dist/web')];
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
  app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  const index = path.join(dir, 'index.html');
  app.get(/^\/(?!graphql|healthz|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
