import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import * as Y from 'yjs';
import { compactDraft } from '../../server/collaboration/compaction';
import { CONTENT_FIELD } from '../../server/collaboration/document-state';
import { loadConfig } from '../../server/config';
import { logger } from '../../server/logger';
import { startPlatform } from '../../server/platform';
import { ms, percentile } from './stats';

/**
 * Figures of the history of a draft (issue 10): comparing two versions of a 20-page draft, the
 * first page of revisions after many edits, and what history costs in storage. Everything goes
 * over HTTP to a platform on the embedded database, as a client would meet it.
 *
 *   npm run bench:versions [-- --pages 20 --edits 10000 --compares 50]
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PAGES = arg('pages', 20);
const EDITS = arg('edits', 10_000);
const COMPARES = arg('compares', 50);
/** A committee page: about 500 words in 10 paragraphs. */
const PARAGRAPHS_PER_PAGE = 10;
const WORDS_PER_PARAGRAPH = 50;
const PASSWORD = 'bench-password-1540';
const AUTHORS = ['chair', 'coordinator', 'delegate'];
/** Edits in flight at once, as a few people typing would have. */
const IN_FLIGHT = 4;
const REVISION_GAP_MS = 100;

const VOCABULARY =
  'the committee recalls resolution 1540 and encourages all states to report on measures taken to prevent proliferation of nuclear chemical biological weapons and their means of delivery to non-state actors including national legislation export controls border security and assistance'.split(
    ' ',
  );
const sentence = (seed: number, words: number) =>
  Array.from({ length: words }, (_, i) => VOCABULARY[(seed * 7 + i * 13) % VOCABULARY.length]).join(
    ' ',
  );

type Gql = <T>(token: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

/** One author's copy of the document; what they type is sent, what others type is applied. */
class Author {
  readonly doc = new Y.Doc();
  private pending: Uint8Array[] = [];
  constructor(
    readonly name: string,
    readonly token: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.pending.push(update);
    });
  }
  take(): Uint8Array {
    const update = Y.mergeUpdates(this.pending);
    this.pending = [];
    return update;
  }
  get paragraphs(): Y.XmlFragment {
    return this.doc.getXmlFragment(CONTENT_FIELD);
  }
}

async function main() {
  logger.level = process.env.LOG_LEVEL || 'warn';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-bench-versions-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    SEED_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
    // Each author's burst of edits is a revision of its own, as after a pause of 5 minutes.
    REVISION_GAP_MS: String(REVISION_GAP_MS),
  });
  const platform = await startPlatform(config);
  try {
    const url = `${platform.app.url}/graphql`;
    const gql: Gql = async (token, query, variables) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
      return body.data as never;
    };
    const login = async (who: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: `${who}@committee.test`, p: PASSWORD },
        }),
      });
      return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
    };
    const authors = await Promise.all(AUTHORS.map(async (a) => new Author(a, await login(a))));
    const chair = authors[0];
    const { workingGroups } = await gql<{ workingGroups: { id: string; number: number }[] }>(
      chair.token,
      '{ workingGroups { id number } }',
    );
    const group = workingGroups.find((g) => g.number === 1) ?? workingGroups[0];
    const { createDraft } = await gql<{ createDraft: { id: string } }>(
      chair.token,
      'mutation($i: CreateDraftInput!) { createDraft(input: $i) { id } }',
      { i: { workingGroupId: group.id, titleEn: 'Benchmark draft', titleFr: 'Projet de mesure' } },
    );
    const draftId = createDraft.id;

    const APPLY =
      'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
    const send = async (author: Author) => {
      const update = author.take();
      for (const other of authors) if (other !== author) Y.applyUpdate(other.doc, update, 'remote');
      await gql(author.token, APPLY, { d: draftId, u: Buffer.from(update).toString('base64') });
    };

    // A 20-page text, written paragraph by paragraph by the three authors in turn.
    const paragraphCount = PAGES * PARAGRAPHS_PER_PAGE;
    for (let i = 0; i < paragraphCount; i += 1) {
      const author = authors[i % authors.length];
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`${sentence(i, WORDS_PER_PARAGRAPH)}.`)]);
      author.paragraphs.push([p]);
      await send(author);
    }
    const version = async (label: string) =>
      (
        await gql<{ createDraftVersion: { id: string } }>(
          chair.token,
          'mutation($d: ID!, $l: String) { createDraftVersion(draftId: $d, label: $l) { id } }',
          { d: draftId, l: label },
        )
      ).createDraftVersion.id;
    const rev1 = await version('Zero draft');

    // Rev.2: a fifth of the paragraphs amended (words inserted in one place, deleted in another).
    for (let i = 0; i < paragraphCount; i += 5) {
      const author = authors[i % authors.length];
      const text = author.paragraphs.get(i) as Y.XmlElement;
      const t = text.get(0) as Y.XmlText;
      t.insert(10, 'and in particular ');
      t.delete(60, 25);
      await send(author);
    }
    const rev2 = await version('Rev.1 as amended');

    const COMPARE =
      'query($d: ID!, $f: ID, $t: ID) { compareDraft(draftId: $d, from: $f, to: $t) { changes { kind text paragraph authors { name } } } }';
    const timed = async (times: number, run: () => Promise<unknown>) => {
      await run(); // warm-up
      const spent: number[] = [];
      for (let i = 0; i < times; i += 1) {
        const start = performance.now();
        await run();
        spent.push(performance.now() - start);
      }
      return spent.sort((a, b) => a - b);
    };
    let changes = 0;
    const compareTimes = await timed(COMPARES, async () => {
      const r = await gql<{ compareDraft: { changes: unknown[] } }>(chair.token, COMPARE, {
        d: draftId,
        f: rev1,
        t: rev2,
      });
      changes = r.compareDraft.changes.length;
    });
    const compareNowTimes = await timed(COMPARES, () =>
      gql(chair.token, COMPARE, { d: draftId, f: rev1, t: null }),
    );

    // Storage as history grows: many small edits by the three authors, in bursts.
    const db = mongoose.connection.db;
    if (!db) throw new Error('no database connection');
    const collections = (await db.listCollections().toArray()).map((c) => c.name);
    const storage = async () => {
      const sizes: Record<string, number> = {};
      for (const name of collections) {
        const stats = (await db.command({ collStats: name })) as { size?: number };
        sizes[name] = stats.size ?? 0;
      }
      return sizes;
    };
    const count = (name: string) => db.collection(name).countDocuments({});
    const growth: { edits: number; sizes: Record<string, number> }[] = [
      { edits: 0, sizes: await storage() },
    ];
    const editStart = performance.now();
    let done = 0;
    const BURST = 25;
    while (done < EDITS) {
      const author = authors[Math.floor(done / BURST) % authors.length];
      const batch = Math.min(IN_FLIGHT, EDITS - done);
      const sends: Promise<void>[] = [];
      for (let k = 0; k < batch; k += 1) {
        const i = (done + k) % paragraphCount;
        const t = (author.paragraphs.get(i) as Y.XmlElement).get(0) as Y.XmlText;
        if ((done + k) % 3 === 2 && t.length > 40) t.delete(20, 6);
        else t.insert(Math.min(30, t.length), 'word ');
        sends.push(send(author));
      }
      await Promise.all(sends);
      done += batch;
      // A pause longer than the revision gap between bursts closes each author's revision.
      if (done % BURST === 0) await new Promise((r) => setTimeout(r, REVISION_GAP_MS + 5));
      if (done % Math.max(1, Math.floor(EDITS / 5)) === 0)
        growth.push({ edits: done, sizes: await storage() });
    }
    const editSeconds = (performance.now() - editStart) / 1000;
    const REVISIONS =
      'query($d: ID!) { draft(id: $d) { revisions(first: 50) { nodes { id wordsInserted wordsDeleted author { name } } } } }';
    let revisionPage = 0;
    const revisionTimes = await timed(COMPARES, async () => {
      const r = await gql<{ draft: { revisions: { nodes: unknown[] } } }>(chair.token, REVISIONS, {
        d: draftId,
      });
      revisionPage = r.draft.revisions.nodes.length;
    });
    const beforeCompaction = await storage();
    const compaction = await compactDraft(new mongoose.Types.ObjectId(draftId));
    const afterCompaction = await storage();
    const revisionCount = collections.includes('draftrevisions')
      ? await count('draftrevisions')
      : 0;
    const versionCount = await count('draftversions');

    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    const interesting = collections.filter((c) =>
      /draftupdates|draftsnapshots|draftversions|draftrevisions|attribution|deletion|author/i.test(
        c,
      ),
    );
    console.log(
      `draft of ${PAGES} pages: ${paragraphCount} paragraphs, ${paragraphCount * WORDS_PER_PARAGRAPH} words, 3 authors`,
    );
    console.log(
      `compare Rev.1 with Rev.2 (${changes} changes), ${COMPARES} sequential requests: p50 ${ms(percentile(compareTimes, 50))}  p99 ${ms(percentile(compareTimes, 99))}`,
    );
    console.log(
      `compare Rev.1 with the current text: p50 ${ms(percentile(compareNowTimes, 50))}  p99 ${ms(percentile(compareNowTimes, 99))}`,
    );
    console.log(
      `${EDITS} edits in ${editSeconds.toFixed(1)} s (${(EDITS / editSeconds).toFixed(0)}/s), then the first page of revisions (${revisionPage} of ${revisionCount}): p50 ${ms(percentile(revisionTimes, 50))}  p99 ${ms(percentile(revisionTimes, 99))}`,
    );
    console.log('storage by collection as edits grow (data size):');
    console.log(`  ${'edits'.padEnd(8)}${interesting.map((c) => c.padStart(22)).join('')}`);
    for (const g of growth)
      console.log(
        `  ${String(g.edits).padEnd(8)}${interesting.map((c) => kib(g.sizes[c] ?? 0).padStart(22)).join('')}`,
      );
    console.log(
      `  compaction merged ${compaction.merged} log entries: ${interesting.map((c) => `${c} ${kib(beforeCompaction[c] ?? 0)} -> ${kib(afterCompaction[c] ?? 0)}`).join(', ')}`,
    );
    if (revisionCount > 0)
      console.log(
        `bytes per revision: ${((afterCompaction.draftrevisions ?? 0) / revisionCount).toFixed(0)}; per version (${versionCount}): ${((afterCompaction.draftversions ?? 0) / versionCount).toFixed(0)}`,
      );
  } finally {
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
