import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../server/collaboration/document-state';
import { loadConfig } from '../../server/config';
import { logger } from '../../server/logger';
import { startPlatform } from '../../server/platform';
import { ms, percentile } from './stats';

/**
 * Export time of a 20-page draft (issue 13): Word and PDF, each asked for `--runs` times in a row
 * over HTTP from a platform on the embedded database, as the draft page's Export asks.
 *
 *   npm run bench:export [-- --pages 20 --runs 10]
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PAGES = arg('pages', 20);
const RUNS = arg('runs', 10);
/** A committee page: about 500 words in 10 paragraphs. */
const PARAGRAPHS_PER_PAGE = 10;
const WORDS_PER_PARAGRAPH = 50;
const PASSWORD = 'bench-password-1540';
const VOCABULARY =
  'the committee recalls resolution 1540 and encourages all states to report on measures taken to prevent proliferation of nuclear chemical biological weapons and their means of delivery to non-state actors including national legislation export controls border security and assistance'.split(
    ' ',
  );
const sentence = (seed: number, words: number) =>
  Array.from({ length: words }, (_, i) => VOCABULARY[(seed * 7 + i * 13) % VOCABULARY.length]).join(
    ' ',
  );

/** The text of a long draft: a heading every page, paragraphs with some bold words. */
function longDraft(pages: number): Uint8Array {
  const doc = new Y.Doc();
  const blocks: Y.XmlElement[] = [];
  for (let page = 0; page < pages; page += 1) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(`Section ${page + 1}`)]);
    blocks.push(heading);
    for (let p = 0; p < PARAGRAPHS_PER_PAGE; p += 1) {
      const text = new Y.XmlText();
      const plain = `${sentence(page * 31 + p, WORDS_PER_PARAGRAPH - 2)} `;
      text.insert(0, plain);
      text.insert(plain.length, 'national implementation', { bold: {} });
      const el = new Y.XmlElement('paragraph');
      el.insert(0, [text]);
      blocks.push(el);
    }
  }
  doc.getXmlFragment(CONTENT_FIELD).insert(0, blocks);
  return Y.encodeStateAsUpdate(doc);
}

async function main() {
  logger.level = process.env.LOG_LEVEL || 'warn';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-bench-export-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    SEED_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  });
  const platform = await startPlatform(config);
  try {
    const base = platform.app.url;
    const gql = async <T>(token: string | null, query: string, variables = {}): Promise<T> => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    };
    const { login } = await gql<{ login: { token: string } }>(
      null,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'chair@committee.test', p: PASSWORD },
    );
    const token = login.token;
    const { workingGroups } = await gql<{ workingGroups: { id: string; number: number }[] }>(
      token,
      '{ workingGroups { id number } }',
    );
    const { createDraft } = await gql<{ createDraft: { id: string } }>(
      token,
      'mutation($i: CreateDraftInput!) { createDraft(input: $i) { id } }',
      {
        i: {
          workingGroupId: workingGroups.find((g) => g.number === 1)!.id,
          titleEn: 'Long draft for the export benchmark',
          titleFr: 'Long projet pour la mesure de l’export',
        },
      },
    );
    await gql(
      token,
      'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }',
      {
        d: createDraft.id,
        u: Buffer.from(longDraft(PAGES)).toString('base64'),
      },
    );
    const exportOnce = async (format: 'docx' | 'pdf') => {
      const started = performance.now();
      const res = await fetch(`${base}/drafts/${createDraft.id}/export.${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (!res.ok) throw new Error(`export.${format}: HTTP ${res.status}`);
      return { ms: performance.now() - started, bytes };
    };
    console.log(
      `export benchmark: a ${PAGES}-page draft (${PAGES * PARAGRAPHS_PER_PAGE} paragraphs of ${WORDS_PER_PARAGRAPH} words, a heading a page), ${RUNS} exports of each format in a row`,
    );
    const firstPdf = await exportOnce('pdf');
    for (const format of ['docx', 'pdf'] as const) {
      const runs: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await exportOnce(format));
      const times = runs.map((r) => r.ms).sort((a, b) => a - b);
      console.log(
        `  ${format.toUpperCase().padEnd(4)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1) ?? Number.NaN)}  size ${(runs[0].bytes / 1024).toFixed(0)} KiB`,
      );
    }
    console.log(`  the first PDF of the server (starts Chromium): ${ms(firstPdf.ms)}`);
  } finally {
    await platform.stop();
    await mongoose.disconnect().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
