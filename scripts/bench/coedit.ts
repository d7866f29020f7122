import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { runManyDrafts } from './coedit-drafts';
import type { LoadReport, LoadSchedule, LoadWorkerData } from './load-worker';
import { cpuSeconds, ms, peakRssMiB, percentile, rssMiB } from './stats';
import { arg, hocuspocus, ourServer, relay, Target } from './targets';

/*
 * npm run bench:coedit [-- --editors 50 --rate 10 --seconds 10 --subscribers 1000 --ours-only]
 * N editors on one document, each making R edits a second for T seconds, through our server, a
 * Hocuspocus 3 server with its own provider (in memory, then storing in the same embedded
 * database), and a bare WebSocket relay, one after the other in the same run. Then 1,000
 * read-only subscribers on one draft of our server.
 */

const EDITORS = arg('editors', 50);
const RATE = arg('rate', 10);
const SECONDS = arg('seconds', 10);
const SUBSCRIBERS = arg('subscribers', 1000);
const WARMUP_SECONDS = arg('warmup', 2);
const THREADS = arg('threads', 2);
/** --json: the last line printed is one JSON object with the figures of each system. */
const JSON_OUTPUT = process.argv.includes('--json');
/** --ours-only: only our server (to compare two builds of it, run after run). */
const OURS_ONLY = process.argv.includes('--ours-only');
const round = (n: number) => Math.round(n * 10) / 10;
let jsonLine: string | undefined;

interface LoadResult {
  name: string;
  sent: number;
  delivered: number;
  expected: number;
  latencies: number[];
  perEditMax: number[];
  cpu: number;
  /** CPU of each server process (for ours: the Node server, then its database), in cores */
  cpuByProcess: number[];
  /** CPU of this process, whose threads run every editor (the clients' share of the machine), in cores */
  clientCpu: number;
  /** p99 of the editor threads' event-loop delay: how long an arriving edit may wait to be seen */
  clientLoopP99: number;
  retries: Record<string, number>;
  /** Lifetime peak resident memory of the server processes (VmHWM), MiB */
  rss: number;
  /** Highest resident memory of the server processes while under load, MiB */
  rssUnderLoad: number;
  /** The same per server process (for ours: the Node server, then its database), MiB */
  rssUnderLoadByProcess: number[];
}

/** Every editor types; every other editor timestamps each edit's arrival. Editors run on worker threads. */
async function runLoad(target: Target): Promise<LoadResult> {
  const workers = Array.from({ length: THREADS }, (_, w) => {
    const editors = Array.from({ length: EDITORS }, (_, i) => i).filter((i) => i % THREADS === w);
    const data: LoadWorkerData = { spec: target.spec, editors, totalEditors: EDITORS, rate: RATE };
    return new Worker(path.join(__dirname, 'load-worker.js'), { workerData: data });
  });
  const message = (worker: Worker, type: string) =>
    new Promise<{ type: string; report?: LoadReport }>((resolve, reject) => {
      const onMessage = (m: { type: string; report?: LoadReport }) => {
        if (m.type !== type) return;
        worker.off('message', onMessage);
        resolve(m);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  await Promise.all(workers.map((w) => message(w, 'ready')));
  const now = performance.timeOrigin + performance.now();
  const schedule: LoadSchedule = {
    startAt: now + 200,
    measureFrom: now + 200 + WARMUP_SECONDS * 1000,
    measureTo: now + 200 + (WARMUP_SECONDS + SECONDS) * 1000,
  };
  const reports = workers.map((w) => message(w, 'report'));
  // Memory while serving: the servers' resident size sampled through warm-up and measurement.
  // Their lifetime peak (VmHWM) is printed too; ours includes seeding the demo data at first start.
  let rssUnderLoad = 0;
  const rssUnderLoadByProcess = target.pids.map(() => 0);
  const sampleRss = () => {
    const each = target.pids.map((pid) => rssMiB(pid));
    for (const [k, v] of each.entries())
      rssUnderLoadByProcess[k] = Math.max(rssUnderLoadByProcess[k], v);
    rssUnderLoad = Math.max(
      rssUnderLoad,
      each.reduce((sum, v) => sum + v, 0),
    );
  };
  const sampler = setInterval(sampleRss, 100);
  for (const w of workers) w.postMessage(schedule);
  // Warm-up under the same load (JIT, connection buffers) is not counted; CPU is read over the measured period.
  await new Promise((r) =>
    setTimeout(r, schedule.measureFrom - (performance.timeOrigin + performance.now())),
  );
  const cpuBefore = target.pids.map((pid) => cpuSeconds(pid));
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const elapsed = (performance.now() - started) / 1000;
  const cpuByProcess = target.pids.map((pid, k) => (cpuSeconds(pid) - cpuBefore[k]) / elapsed);
  const clientUsage = process.cpuUsage(clientBefore);
  const rss = target.pids.reduce((sum, pid) => sum + peakRssMiB(pid), 0);
  sampleRss();
  clearInterval(sampler);
  const results = (await Promise.all(reports)).map((m) => m.report!);
  await Promise.all(workers.map((w) => w.terminate()));

  const arrivals = new Map<string, number[]>();
  for (const r of results)
    for (const [key, list] of Object.entries(r.arrivals))
      arrivals.set(key, [...(arrivals.get(key) ?? []), ...list]);
  const latencies = [...arrivals.values()].flat().sort((a, b) => a - b);
  const perEditMax = [...arrivals.values()]
    .filter((a) => a.length === EDITORS - 1)
    .map((a) => Math.max(...a))
    .sort((a, b) => a - b);
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const retries: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.retries)) retries[code] = (retries[code] ?? 0) + n;
  return {
    name: target.name,
    sent,
    delivered: latencies.length,
    expected: sent * (EDITORS - 1),
    latencies,
    perEditMax,
    cpu: cpuByProcess.reduce((a, b) => a + b, 0),
    cpuByProcess,
    clientCpu: (clientUsage.user + clientUsage.system) / 1e6 / elapsed,
    clientLoopP99: Math.max(...results.map((r) => r.loopP99)),
    retries,
    rss,
    rssUnderLoad,
    rssUnderLoadByProcess,
  };
}

/** Read-only subscribers on one draft; one editor sends edits stamped with their send time. */
async function runSubscribers(target: Awaited<ReturnType<typeof ourServer>>) {
  const query = 'subscription($d: ID!) { draftUpdates(draftId: $d) { durable clientId } }';
  const latencies: number[] = [];
  const clients: Client[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 1) {
    const client = createClient({
      url: `${target.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${target.token}` },
    });
    clients.push(client);
    client.subscribe<{ draftUpdates: { durable: boolean; clientId: string } }>(
      { query, variables: { d: target.draftId } },
      {
        next: ({ data }) => {
          // The update itself; the mark that says it is stored comes later.
          if (data?.draftUpdates.durable) return;
          const stamp = data?.draftUpdates.clientId?.split(':')[1];
          if (stamp) latencies.push(performance.timeOrigin + performance.now() - Number(stamp));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const editor = createClient({
    url: `${target.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${target.token}` },
  });
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const edits = Math.max(10, Math.round(SECONDS * RATE));
  const cpuBefore = target.pids.map((pid) => cpuSeconds(pid));
  const started = performance.now();
  for (let n = 0; n < edits; n += 1) {
    let update: Uint8Array = new Uint8Array();
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    text.insert(text.length, 'x');
    doc.off('update', capture);
    const clientId = `bench:${performance.timeOrigin + performance.now()}`;
    await new Promise<void>((resolve) => {
      editor.subscribe(
        {
          query:
            'mutation($d: ID!, $u: String!, $c: String) { applyDraftUpdate(draftId: $d, update: $u, clientId: $c) { seq } }',
          variables: { d: target.draftId, u: Buffer.from(update).toString('base64'), c: clientId },
        },
        { next: () => undefined, error: () => resolve(), complete: () => resolve() },
      );
    });
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  const drainUntil = performance.now() + 5000;
  while (latencies.length < edits * SUBSCRIBERS && performance.now() < drainUntil)
    await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  const cpu =
    target.pids.reduce((sum, pid, k) => sum + (cpuSeconds(pid) - cpuBefore[k]), 0) / elapsed;
  await editor.dispose();
  await Promise.all(clients.map((c) => c.dispose()));
  latencies.sort((a, b) => a - b);
  return { edits, delivered: latencies.length, expected: edits * SUBSCRIBERS, latencies, cpu };
}

function report(r: LoadResult) {
  const l = r.latencies;
  console.log(`${r.name}`);
  console.log(
    `  edit-to-peer   p50 ${ms(percentile(l, 50))}  p95 ${ms(percentile(l, 95))}  p99 ${ms(percentile(l, 99))}  max ${ms(l[l.length - 1])}`,
  );
  console.log(
    `  edit-to-all-peers (slowest peer of each edit)  p50 ${ms(percentile(r.perEditMax, 50))}  p99 ${ms(percentile(r.perEditMax, 99))}`,
  );
  const split =
    r.cpuByProcess.length > 1
      ? ` (${r.cpuByProcess.map((c) => `${(c * 100).toFixed(1)}%`).join(' + ')})`
      : '';
  // Each process's own highest sample: they need not peak at the same moment, so the parts may
  // add up to more than the whole.
  const rssSplit =
    r.rssUnderLoadByProcess.length > 1
      ? ` (${r.rssUnderLoadByProcess.map((v) => v.toFixed(0)).join(' + ')})`
      : '';
  if (Object.keys(r.retries).length > 0)
    console.log(`  editors retried sends: ${JSON.stringify(r.retries)}`);
  console.log(
    `  delivered/sent ${r.delivered}/${r.expected} (${r.sent} edits x ${EDITORS - 1} peers)  server CPU ${(r.cpu * 100).toFixed(1)}% of a core${split}  RSS under load ${r.rssUnderLoad.toFixed(0)} MiB${rssSplit} (lifetime peak ${r.rss.toFixed(0)})  editors' CPU ${(r.clientCpu * 100).toFixed(0)}% (${THREADS} threads), their event-loop delay p99 ${ms(r.clientLoopP99)}`,
  );
}

/** p99, CPU and memory of ours against Hocuspocus and the relay, and the JSON line. */
function compare(results: LoadResult[]) {
  const [o, h, stored, relayed] = results;
  const [us, hp, hpStored, floor] = results.map((r) => percentile(r.latencies, 99));
  console.log(
    `\nratios of p99: ours/Hocuspocus ${(us / hp).toFixed(2)}  ours/relay ${(us / floor).toFixed(2)}  Hocuspocus/relay ${(hp / floor).toFixed(2)}`,
  );
  // Not the targets' reference: for the figures beside them, the same server paying for storage.
  console.log(
    `against Hocuspocus storing its documents: p99 ${(us / hpStored).toFixed(2)}x  CPU ${(o.cpu / stored.cpu).toFixed(2)}x  RSS ${(o.rssUnderLoad / stored.rssUnderLoad).toFixed(2)}x`,
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `targets: p99 ours/Hocuspocus <= 1.0: ${verdict(us / hp <= 1)}; CPU (database included) <= 1.5x: ${verdict(o.cpu <= 1.5 * h.cpu)} (${(o.cpu / h.cpu).toFixed(2)}x); RSS under load <= 2x: ${verdict(o.rssUnderLoad <= 2 * h.rssUnderLoad)} (${(o.rssUnderLoad / h.rssUnderLoad).toFixed(2)}x); delivered = sent: ${verdict(o.delivered === o.expected)}`,
  );
  if (JSON_OUTPUT) {
    const figures = (r: LoadResult) => ({
      p50: round(percentile(r.latencies, 50)),
      p95: round(percentile(r.latencies, 95)),
      p99: round(percentile(r.latencies, 99)),
      cpuPercent: round(r.cpu * 100),
      rssMiB: round(r.rssUnderLoad),
      lifetimePeakRssMiB: round(r.rss),
      delivered: r.delivered,
      sent: r.expected,
      loadGeneratorCpuPercent: round(r.clientCpu * 100),
    });
    const [oursJson, hpJson, hpStoredJson] = [o, h, stored].map(figures);
    const relayJson = figures(relayed);
    jsonLine = JSON.stringify({
      editors: EDITORS,
      rate: RATE,
      seconds: SECONDS,
      ours: oursJson,
      hocuspocus: hpJson,
      relay: relayJson,
      hocuspocusStored: hpStoredJson,
    });
  }
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-bench-coedit-'));
  console.log(
    `co-editing benchmark: ${EDITORS} editors x ${RATE} edits/s for ${SECONDS} s on one document (one run, side by side)\n`,
  );
  try {
    const ours = await ourServer(dir);
    const results: LoadResult[] = [await runLoad(ours)];
    const subscribers = SUBSCRIBERS > 0 ? await runSubscribers(ours) : undefined;
    await ours.stop();
    const stored = () => hocuspocus(path.join(dir, 'hocuspocus'));
    for (const make of OURS_ONLY ? [] : [() => hocuspocus(), stored, relay]) {
      const target = await make();
      results.push(await runLoad(target));
      await target.stop();
    }
    results.forEach(report);
    if (!OURS_ONLY) compare(results);
    if (subscribers) {
      const l = subscribers.latencies;
      console.log(
        `\n${SUBSCRIBERS} read-only subscribers, ${subscribers.edits} edits at ${RATE}/s (edit sent to arrival; each sent after the previous one's acknowledgement)`,
      );
      console.log(
        `  p50 ${ms(percentile(l, 50))}  p95 ${ms(percentile(l, 95))}  p99 ${ms(percentile(l, 99))}  delivered ${subscribers.delivered}/${subscribers.expected}  server CPU ${(subscribers.cpu * 100).toFixed(0)}%`,
      );
      console.log(
        `  target p99 <= 100 ms with every edit received: ${percentile(l, 99) <= 100 && subscribers.delivered === subscribers.expected ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (jsonLine) console.log(jsonLine);
  process.exit(0);
}

// --drafts N: the many-drafts capacity ramp (coedit-drafts.ts) in place of the runs above.
(process.argv.includes('--drafts') ? runManyDrafts().then(() => process.exit(0)) : main()).catch(
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
