import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connectEditor, contentOf, Editor, until } from '../test/helpers/editors';
import { gql } from '../test/helpers/server-process';
import {
  addParagraphs,
  Deliveries,
  PARAGRAPHS,
  paragraphCount,
  TYPING_MODES,
  type TypingMode,
  Typist,
} from './bench/soak-typing';
import { cpuSeconds, percentile, rssMiB } from './bench/stats';
import { ourServer, PASSWORD } from './bench/targets';
import { parseArgs, UsageError } from './operations-args';

/*
 * npm run soak [-- --minutes 10 --clients 200 --drafts 20 --warmup 120 --typing words|scattered]
 * A long run at a steady load, to see that nothing grows or slows down: `clients` WebSocket
 * editors (the web client's provider, with presence) on `drafts` drafts of five paragraphs, each
 * typing a letter about once a second (in words, or scattered: see soak-typing.ts), moving its
 * cursor every second, and, all together, a comment every two seconds on one
 * of the drafts (each draft has a comment subscriber). It prints the server's RSS and V8 heap at
 * the start, after the warm-up and at the end; the p99 of edit-to-peer latency for every minute;
 * and delivered/sent for edits and comments. Targets (issue 14): memory growth after warm-up at
 * most 10 %, the last minute's p99 at most 1.5 x the first's, nothing lost. Exit code 1 when one
 * is missed.
 */

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function heapMiB(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_heap_size_used_bytes '));
  return line ? Number(line.split(' ')[1]) / 1024 / 1024 : Number.NaN;
}

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    { minutes: 'number', clients: 'number', drafts: 'number', warmup: 'number', typing: 'text' },
    'npm run soak -- [--minutes 10] [--clients 200] [--drafts 20] [--warmup 120] [--typing words|scattered]',
  );
  const num = (v: string | undefined, fallback: number, name: string) => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number.`);
    return n;
  };
  const minutes = num(args.minutes ?? process.env.SOAK_MINUTES, 10, 'minutes');
  const clients = Math.round(num(args.clients, 200, 'clients'));
  const draftCount = Math.round(num(args.drafts, 20, 'drafts'));
  // Two minutes by default: measured, the database's memory levels off after about two minutes
  // (its page caches fill as the log reaches its compaction size, at about 100 s per draft), and
  // a shorter warm-up counts that filling as growth.
  const warmupS = num(args.warmup, Math.min(120, (minutes * 60) / 4), 'warmup');
  const perDraft = Math.floor(clients / draftCount);
  const typingMode = (args.typing ?? 'words') as TypingMode;
  if (!TYPING_MODES.includes(typingMode))
    throw new UsageError(`--typing must be one of: ${TYPING_MODES.join(', ')}.`);
  // SOAK_CURSORS=0 leaves presence out, to see what it costs.
  const cursors = process.env.SOAK_CURSORS !== '0';
  if (perDraft < 2) throw new UsageError('--clients must be at least twice --drafts.');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-soak-'));
  const server = await ourServer(dir);
  const editors: { editor: Editor; index: number; draft: number }[] = [];
  const disposers: (() => void)[] = [];
  try {
    const { url } = server;
    const chair = (
      await gql<{ login: { token: string } }>(
        url,
        `mutation { login(email: "chair@committee.test", password: "${PASSWORD}") { token } }`,
      )
    ).login.token;
    const { workingGroups } = await gql<{ workingGroups: { id: string; number: number }[] }>(
      url,
      '{ workingGroups { id number } }',
      {},
      chair,
    );
    const group = workingGroups.find((g) => g.number === 1)!.id;
    const drafts: string[] = [];
    for (let d = 0; d < draftCount; d += 1) {
      const { createDraft } = await gql<{ createDraft: { id: string } }>(
        url,
        'mutation($g: ID!, $t: String!) { createDraft(input: { workingGroupId: $g, titleEn: $t, titleFr: $t }) { id } }',
        { g: group, t: `Soak draft ${d + 1}` },
        chair,
      );
      drafts.push(createDraft.id);
    }

    // Latency: each keystroke is known to the peers by its author's client and clock; a peer that
    // receives it records the delay, by the minute the keystroke was made in.
    const startedAt = now();
    const minuteOf = (t: number) => Math.floor((t - startedAt) / 60_000);
    const latencies: number[][] = [];
    const deliveries = new Deliveries();
    let sent = 0;
    let typing = true;
    const connecting = performance.now();
    for (let i = 0; i < perDraft * draftCount; i += 1) {
      const draft = i % draftCount;
      const editor = connectEditor(url, server.token, drafts[draft], { awareness: true });
      editors.push({ editor, index: i, draft });
      if (editors.length % 25 === 0)
        await Promise.all(editors.map((e) => e.editor.provider.whenSynced()));
    }
    await Promise.all(editors.map((e) => e.editor.provider.whenSynced()));
    // The first editors are one per draft.
    for (const { editor } of editors.slice(0, draftCount)) addParagraphs(editor.doc);
    await until(() => editors.every((e) => paragraphCount(e.editor.doc) >= PARAGRAPHS), 30_000);
    process.stdout.write(
      `${editors.length} editors on ${draftCount} drafts connected in ${((performance.now() - connecting) / 1000).toFixed(1)} s; typing ${typingMode}, running ${minutes} min (warm-up ${warmupS} s)\n`,
    );
    for (const { editor } of editors)
      deliveries.watch(editor.doc, (at) => {
        const minute = minuteOf(at);
        latencies[minute] ??= [];
        latencies[minute].push(now() - at);
      });
    // Comments: one subscriber per draft over GraphQL, a comment every 2 s from the Chair.
    let commentsSent = 0;
    let commentsDelivered = 0;
    for (const draftId of drafts) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${chair}` },
      });
      const stop = client.subscribe(
        {
          query: 'subscription($t: ID!) { commentAdded(targetId: $t) { id } }',
          variables: { t: draftId },
        },
        { next: () => (commentsDelivered += 1), error: () => undefined, complete: () => undefined },
      );
      disposers.push(() => {
        stop();
        void client.dispose();
      });
    }
    await sleep(1000);

    // The server's RSS is Node's and the embedded database's (its child) together; each is shown,
    // from one reading, so that the parts add up to the total printed beside them.
    const memory = () => {
      const [node, ...database] = server.pids.map((pid) => rssMiB(pid));
      const db = database.reduce((a, b) => a + b, 0);
      return { rss: node + db, parts: `Node ${node.toFixed(0)} + database ${db.toFixed(0)}` };
    };
    const figures = async (label: string) => {
      const m = memory();
      const f = { rss: m.rss, heap: await heapMiB(url) };
      process.stdout.write(
        `${label.padEnd(16)} server RSS ${f.rss.toFixed(1)} MiB (${m.parts}), heap ${f.heap.toFixed(1)} MiB\n`,
      );
      return f;
    };
    const atStart = await figures('start');
    // The load generator's own state, to tell a slow server from a saturated generator.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpuAtStart = server.pids.map((pid) => cpuSeconds(pid));
    const ownCpuAtStart = process.cpuUsage();

    const loops = editors.map(async ({ editor, index }) => {
      const typist = new Typist(editor.doc, typingMode);
      let n = 0;
      // Spread over the second, as people do not type in step.
      await sleep((index / editors.length) * 1000);
      while (typing) {
        deliveries.sent(editor.doc.clientID, typist.nextClock(), now());
        typist.type(String.fromCharCode(97 + (n % 26)));
        // A moving cursor: presence changes every second.
        if (cursors) editor.awareness.setLocalStateField('cursor', { anchor: n, head: n });
        n += 1;
        sent += 1;
        await sleep(800 + Math.random() * 400);
      }
    });
    const commenting = (async () => {
      while (typing) {
        const draftId = drafts[commentsSent % drafts.length];
        commentsSent += 1;
        await gql(
          url,
          'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }',
          { i: { targetId: draftId, body: `Soak comment ${commentsSent}` } },
          chair,
        ).catch((err: Error) => process.stderr.write(`comment failed: ${err.message}\n`));
        await sleep(2000);
      }
    })();

    const endAt = startedAt + minutes * 60_000;
    await sleep(Math.max(0, startedAt + warmupS * 1000 - now()));
    const afterWarmup = await figures('after warm-up');
    let reported = 0;
    // Beside each minute's p99, both sides' heaps and the load generator's event-loop delay, to
    // tell a server that slows down from a generator that does.
    const minuteLoop = monitorEventLoopDelay({ resolution: 10 });
    minuteLoop.enable();
    while (now() < endAt) {
      await sleep(Math.min(5000, endAt - now()));
      const done = minuteOf(now());
      for (; reported < done; reported += 1) {
        const sorted = (latencies[reported] ?? []).slice().sort((a, b) => a - b);
        const serverHeap = await heapMiB(url);
        const ownHeap = process.memoryUsage().heapUsed / 1024 / 1024;
        const m = memory();
        process.stdout.write(
          `minute ${reported + 1}: p99 ${percentile(sorted, 99).toFixed(1)} ms over ${sorted.length} deliveries; server heap ${serverHeap.toFixed(0)} MiB, RSS ${m.rss.toFixed(0)} MiB (${m.parts}); load generator heap ${ownHeap.toFixed(0)} MiB, event loop p99 ${(minuteLoop.percentile(99) / 1e6).toFixed(0)} ms\n`,
        );
        minuteLoop.reset();
      }
    }
    minuteLoop.disable();
    typing = false;
    await Promise.all([...loops, commenting]);
    // Every editor's edits stored first (a refused batch is sent again after a pause), at most 60 s.
    await Promise.race([
      Promise.all(editors.map((e) => e.editor.provider.whenAcknowledged())),
      sleep(60_000),
    ]);
    // Drain: until every edit has reached every peer, or nothing more arrives for 10 s.
    const expected = () => sent * (perDraft - 1);
    let last = deliveries.delivered;
    let quietSince = now();
    while (deliveries.delivered < expected() || commentsDelivered < commentsSent) {
      await sleep(200);
      if (deliveries.delivered !== last) {
        last = deliveries.delivered;
        quietSince = now();
      } else if (now() - quietSince > 10_000) break;
    }
    const atEnd = await figures('end');
    // Edits the server asked to send again (TOO_MANY_REQUESTS) or that met a dropped connection:
    // each waits before it reaches the peers, so they explain a latency tail.
    const retries: Record<string, number> = {};
    for (const { editor } of editors)
      for (const [code, n] of Object.entries(editor.provider.retries))
        retries[code] = (retries[code] ?? 0) + n;
    const late = latencies.flat().filter((ms) => ms > 1000).length;
    process.stdout.write(`sent again: ${JSON.stringify(retries)}; deliveries over 1 s: ${late}\n`);
    loop.disable();
    const elapsed = (now() - startedAt) / 1000;
    const serverCpu = server.pids.map(
      (pid, k) => ((cpuSeconds(pid) - cpuAtStart[k]) / elapsed) * 100,
    );
    const own = process.cpuUsage(ownCpuAtStart);
    process.stdout.write(
      `server CPU ${serverCpu.map((c) => `${c.toFixed(0)} %`).join(' + ')} (Node + database); load generator CPU ${(((own.user + own.system) / 1e6 / elapsed) * 100).toFixed(0)} %, its event loop p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms\n`,
    );
    const last1 = Math.max(0, Math.ceil(minutes) - 1);
    for (; reported <= last1; reported += 1) {
      const sorted = (latencies[reported] ?? []).slice().sort((a, b) => a - b);
      if (sorted.length > 0)
        process.stdout.write(
          `minute ${reported + 1}: p99 ${percentile(sorted, 99).toFixed(1)} ms over ${sorted.length} deliveries\n`,
        );
    }
    const p99Of = (m: number) =>
      percentile(
        (latencies[m] ?? []).slice().sort((a, b) => a - b),
        99,
      );
    const firstP99 = p99Of(0);
    const lastP99 = p99Of(last1);
    const growth = (atEnd.rss - afterWarmup.rss) / afterWarmup.rss;
    const heapGrowth = (atEnd.heap - afterWarmup.heap) / afterWarmup.heap;
    // Converged: every editor of a draft holds the same text.
    const diverged = drafts.filter((_, d) => {
      const texts = editors.filter((e) => e.draft === d).map((e) => contentOf(e.editor.doc));
      return texts.some((t) => t !== texts[0]);
    });
    const checks = [
      [
        `memory growth after warm-up ${(growth * 100).toFixed(1)} % RSS (heap ${(heapGrowth * 100).toFixed(1)} %) <= 10 %`,
        growth <= 0.1,
      ],
      [
        `last minute's p99 ${lastP99.toFixed(1)} ms <= 1.5 x the first's ${firstP99.toFixed(1)} ms`,
        lastP99 <= 1.5 * firstP99,
      ],
      [
        `edits delivered/sent ${deliveries.delivered}/${expected()} (${sent} edits x ${perDraft - 1} peers)`,
        deliveries.delivered === expected(),
      ],
      [
        `comments delivered/sent ${commentsDelivered}/${commentsSent}`,
        commentsDelivered === commentsSent,
      ],
      [
        `drafts converged ${drafts.length - diverged.length}/${drafts.length}`,
        diverged.length === 0,
      ],
    ] as const;
    process.stdout.write(
      `memory: start ${atStart.rss.toFixed(1)} MiB, after warm-up ${afterWarmup.rss.toFixed(1)} MiB, end ${atEnd.rss.toFixed(1)} MiB\n`,
    );
    for (const [what, ok] of checks) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    for (const d of disposers) d();
    await Promise.all(editors.map((e) => e.editor.close()));
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Soak failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
