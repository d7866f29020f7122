import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { gql } from '../../test/helpers/server-process';
import { TargetSpec } from './bench-editors';
import type { DraftsStep, DraftsWorkerData } from './drafts-worker';
import type { LoadReport } from './load-worker';
import { cpuSeconds, machineBusySeconds, ms, percentile, rssMiB } from './stats';
import { arg, hocuspocus, ourServer, PASSWORD, Target } from './targets';

/*
 * npm run bench:coedit -- --drafts 50 --per-draft 10 [--steps 100,200,300,500,700,1000]
 *   [--seconds 5 --warmup 2 --threads 2 --json]
 * Capacity across many drafts: D drafts with E editors each, every editor subscribed to its draft
 * and editing it (ours through the web client's DraftProvider over graphql-ws, one socket per
 * editor; Hocuspocus with its provider, one document per draft), the total rate stepped up. A
 * step is sustained when the p99 of edit-to-peer latency (every peer of the edit's draft) is at
 * most --p99 ms (50), every edit reaches every peer, the editors really sent at least 95% of the
 * step's rate, and memory is flat: the servers' RSS at the end of the measured period is at most
 * 10% above its start. Both systems are started and connected first, then take turns at
 * each step; a system's ramp stops at its first step that is not sustained.
 */

const DRAFTS = arg('drafts', 50);
const PER_DRAFT = arg('per-draft', 10);
const SECONDS = arg('seconds', 5);
const WARMUP_SECONDS = arg('warmup', 2);
const THREADS = arg('threads', 2);
const P99_LIMIT = arg('p99', 50);
const RSS_GROWTH = 0.1;
const stepsArg = process.argv.indexOf('--steps');
const STEPS = (stepsArg > 0 ? process.argv[stepsArg + 1] : '100,200,300,500,700,1000')
  .split(',')
  .map(Number);
const JSON_OUTPUT = process.argv.includes('--json');
const EDITORS = DRAFTS * PER_DRAFT;
const round = (n: number) => Math.round(n * 10) / 10;
const now = () => performance.timeOrigin + performance.now();

interface StepResult {
  editsPerSecond: number;
  sentPerSecond: number;
  p50: number;
  p99: number;
  delivered: number;
  expected: number;
  /** Server processes' CPU (ours: the Node server, then its database), in % of a core */
  cpuPercent: number[];
  rssStartMiB: number;
  rssEndMiB: number;
  /** This process's CPU (its editor threads), in % of a core */
  loadGeneratorCpuPercent: number;
  loadGeneratorLoopP99: number;
  /** CPU of every other process on the machine meanwhile (others' runs), in % of a core */
  otherCpuPercent: number;
  retries: Record<string, number>;
  sustained: boolean;
}

/** D drafts of working group 1, made by the Chair; its delegate edits them, as coedit.ts does. */
async function ourDrafts(): Promise<{ target: Target; specs: TargetSpec[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-bench-drafts-'));
  const server = await ourServer(dir);
  const { url, token } = server;
  const target: Target = {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const { login } = await gql<{ login: { token: string } }>(
    url,
    `mutation { login(email: "chair@committee.test", password: "${PASSWORD}") { token } }`,
    {},
  );
  const { workingGroups } = await gql<{ workingGroups: { id: string; number: number }[] }>(
    url,
    '{ workingGroups { id number } }',
    {},
    login.token,
  );
  const group = workingGroups.find((g) => g.number === 1)!.id;
  const specs: TargetSpec[] = [];
  for (let d = 0; d < DRAFTS; d += 1) {
    const { createDraft } = await gql<{ createDraft: { id: string } }>(
      url,
      'mutation($g: ID!, $t: String!) { createDraft(input: { workingGroupId: $g, titleEn: $t, titleFr: $t }) { id } }',
      { g: group, t: `Bench draft ${d + 1}` },
      login.token,
    );
    for (let e = 0; e < PER_DRAFT; e += 1)
      specs.push({ kind: 'ours', url, token, draftId: createDraft.id });
  }
  return { target, specs };
}

async function hocuspocusDrafts(): Promise<{ target: Target; specs: TargetSpec[] }> {
  const target = await hocuspocus();
  const port = (target.spec as { port: number }).port;
  const specs: TargetSpec[] = Array.from({ length: EDITORS }, (_, i) => ({
    kind: 'hocuspocus',
    port,
    document: `draft-${Math.floor(i / PER_DRAFT)}`,
  }));
  return { target, specs };
}

const message = <T>(worker: Worker, type: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (m: { type: string } & T) => {
      if (m.type !== type) return;
      worker.off('message', onMessage);
      resolve(m);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - now())));

async function runStep(target: Target, workers: Worker[], total: number): Promise<StepResult> {
  const startAt = now() + 200;
  const step: DraftsStep = {
    type: 'step',
    rate: total / EDITORS,
    startAt,
    measureFrom: startAt + WARMUP_SECONDS * 1000,
    measureTo: startAt + (WARMUP_SECONDS + SECONDS) * 1000,
  };
  const reports = workers.map((w) => message<{ report: LoadReport }>(w, 'report'));
  for (const w of workers) w.postMessage(step);
  await sleepUntil(step.measureFrom);
  const rss = () => target.pids.reduce((sum, pid) => sum + rssMiB(pid), 0);
  const cpuBefore = target.pids.map((pid) => cpuSeconds(pid));
  const rssStartMiB = rss();
  const clientBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  const started = performance.now();
  await sleepUntil(step.measureTo);
  const elapsed = (performance.now() - started) / 1000;
  const cpuPercent = target.pids.map(
    (pid, k) => ((cpuSeconds(pid) - cpuBefore[k]) / elapsed) * 100,
  );
  const rssEndMiB = rss();
  const client = process.cpuUsage(clientBefore);
  const machinePercent = ((machineBusySeconds() - machineBefore) / elapsed) * 100;
  const results = (await Promise.all(reports)).map((m) => m.report);
  const latencies = results.flatMap((r) => Object.values(r.arrivals).flat()).sort((a, b) => a - b);
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const retries: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.retries)) retries[code] = (retries[code] ?? 0) + n;
  const loadGeneratorCpuPercent = ((client.user + client.system) / 1e6 / elapsed) * 100;
  const result = {
    editsPerSecond: total,
    sentPerSecond: sent / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered: latencies.length,
    expected: sent * (PER_DRAFT - 1),
    cpuPercent,
    rssStartMiB,
    rssEndMiB,
    loadGeneratorCpuPercent,
    loadGeneratorLoopP99: Math.max(...results.map((r) => r.loopP99)),
    otherCpuPercent: Math.max(
      0,
      machinePercent - loadGeneratorCpuPercent - cpuPercent.reduce((a, b) => a + b, 0),
    ),
    retries,
  };
  return {
    ...result,
    sustained:
      result.p99 <= P99_LIMIT &&
      result.delivered === result.expected &&
      result.sentPerSecond >= 0.95 * total &&
      rssEndMiB <= rssStartMiB * (1 + RSS_GROWTH),
  };
}

/** Starts the editor threads; each connects its editors once, for every step of the ramp. */
async function connect(target: Target, specs: TargetSpec[]): Promise<Worker[]> {
  const workers = Array.from({ length: THREADS }, (_, w) => {
    const editors = specs
      .map((spec, index) => ({ index, spec }))
      .filter((e) => e.index % THREADS === w);
    const data: DraftsWorkerData = { editors, totalEditors: EDITORS };
    return new Worker(path.join(__dirname, 'drafts-worker.js'), { workerData: data });
  });
  const connecting = performance.now();
  await Promise.all(workers.map((w) => message(w, 'ready')));
  console.log(
    `${target.name}: ${EDITORS} editors connected and synced in ${((performance.now() - connecting) / 1000).toFixed(1)} s`,
  );
  return workers;
}

function printStep(key: string, s: StepResult) {
  const cpu = s.cpuPercent.map((c) => c.toFixed(0)).join('+');
  const retries = Object.keys(s.retries).length > 0 ? `  retries ${JSON.stringify(s.retries)}` : '';
  console.log(
    `  ${key.padEnd(10)} ${String(s.editsPerSecond).padStart(5)}/s  sent ${s.sentPerSecond.toFixed(0).padStart(5)}/s  p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  delivered ${s.delivered}/${s.expected}  server CPU ${cpu}%  RSS ${s.rssStartMiB.toFixed(0)}->${s.rssEndMiB.toFixed(0)} MiB  load generator CPU ${s.loadGeneratorCpuPercent.toFixed(0)}% (loop p99 ${ms(s.loadGeneratorLoopP99)})  other processes ${s.otherCpuPercent.toFixed(0)}%  ${s.sustained ? 'sustained' : 'NOT sustained'}${retries}`,
  );
}

const sustainedRate = (steps: StepResult[]) =>
  steps.filter((s, i) => s.sustained && steps.slice(0, i).every((p) => p.sustained)).at(-1)
    ?.editsPerSecond ?? 0;

export async function runManyDrafts(): Promise<void> {
  console.log(
    `many-drafts capacity: ${DRAFTS} drafts x ${PER_DRAFT} editors (each subscribed to its draft and editing), ${THREADS} editor threads; steps of ${STEPS.join(', ')} edits/s in total, each ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured; sustained = p99 <= ${P99_LIMIT} ms, all delivered, >= 95% of the rate sent, RSS end <= start + ${RSS_GROWTH * 100}%\n`,
  );
  // Both systems are connected at once and take turns at each step, so that a change in what
  // else runs on the machine falls on both rather than on whichever ran second.
  const systems: { key: string; target: Target; workers: Worker[]; steps: StepResult[] }[] = [];
  try {
    for (const [key, make] of [
      ['ours', ourDrafts],
      ['hocuspocus', hocuspocusDrafts],
    ] as const) {
      const { target, specs } = await make();
      const system = { key, target, workers: [] as Worker[], steps: [] as StepResult[] };
      systems.push(system);
      system.workers = await connect(target, specs);
    }
    console.log('');
    for (const total of STEPS) {
      const running = systems.filter((sys) => sys.steps.every((step) => step.sustained));
      if (running.length === 0) break;
      for (const sys of running) {
        const step = await runStep(sys.target, sys.workers, total);
        sys.steps.push(step);
        printStep(sys.key, step);
      }
    }
  } finally {
    for (const sys of systems) {
      for (const w of sys.workers) w.postMessage({ type: 'close' });
      await Promise.all(sys.workers.map((w) => new Promise((r) => w.once('exit', r))));
      await sys.target.stop();
    }
  }
  const figures: Record<string, { sustainedEditsPerSecond: number; steps: StepResult[] }> = {};
  for (const sys of systems)
    figures[sys.key] = { sustainedEditsPerSecond: sustainedRate(sys.steps), steps: sys.steps };
  const { ours, hocuspocus: hp } = figures;
  const capped = (f: typeof ours) =>
    f.steps.length === STEPS.length && f.steps.at(-1)!.sustained
      ? ' (every step; the ramp ends there)'
      : '';
  console.log(
    `\nsustained: ours ${ours.sustainedEditsPerSecond} edits/s${capped(ours)}, Hocuspocus ${hp.sustainedEditsPerSecond} edits/s${capped(hp)}`,
  );
  console.log(
    `targets: ours >= 500 edits/s across ${DRAFTS} drafts x ${PER_DRAFT}: ${ours.sustainedEditsPerSecond >= 500 ? 'met' : 'NOT met'}; ours >= Hocuspocus: ${ours.sustainedEditsPerSecond >= hp.sustainedEditsPerSecond ? 'met' : 'NOT met'}`,
  );
  if (JSON_OUTPUT) {
    const json = (f: typeof ours) => ({
      sustainedEditsPerSecond: f.sustainedEditsPerSecond,
      steps: f.steps.map((s) => ({
        ...s,
        sentPerSecond: round(s.sentPerSecond),
        p50: round(s.p50),
        p99: round(s.p99),
        cpuPercent: s.cpuPercent.map(round),
        rssStartMiB: round(s.rssStartMiB),
        rssEndMiB: round(s.rssEndMiB),
        loadGeneratorCpuPercent: round(s.loadGeneratorCpuPercent),
        loadGeneratorLoopP99: round(s.loadGeneratorLoopP99),
        otherCpuPercent: round(s.otherCpuPercent),
      })),
    });
    console.log(
      JSON.stringify({
        drafts: DRAFTS,
        perDraft: PER_DRAFT,
        seconds: SECONDS,
        ours: json(ours),
        hocuspocus: json(hp),
      }),
    );
  }
}
