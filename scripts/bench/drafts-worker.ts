import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { BenchEditor, createEditor, TargetSpec } from './bench-editors';
import type { LoadReport } from './load-worker';

export interface DraftsWorkerData {
  /** The editors this thread runs: global index (unique across threads) and where each edits. */
  editors: { index: number; spec: TargetSpec }[];
  totalEditors: number;
}

/** One step of the ramp: every editor makes `rate` edits a second; times are ms since the epoch. */
export interface DraftsStep {
  type: 'step';
  rate: number;
  startAt: number;
  measureFrom: number;
  measureTo: number;
}

const now = () => performance.timeOrigin + performance.now();
const data = workerData as DraftsWorkerData;

/*
 * The many-drafts mode's editors on one thread: they connect once, then run each step of the ramp
 * the parent sends (editing at the step's rate, timestamping arrivals of their draft-mates' edits
 * sent in the measured window) and report after each, until told to close.
 */
async function main() {
  const editors: { index: number; editor: BenchEditor }[] = [];
  // Connect in batches so the servers see a crowd arriving, not a single burst of hundreds.
  for (let i = 0; i < data.editors.length; i += 25) {
    const batch = data.editors.slice(i, i + 25).map(({ index, spec }) => ({
      index,
      editor: createEditor(spec),
    }));
    await Promise.all(batch.map((e) => e.editor.ready));
    editors.push(...batch);
  }
  let step: DraftsStep | undefined;
  let arrivals: Record<string, number[]> = {};
  let lastArrival = now();
  for (const { index, editor } of editors) {
    const edits = editor.doc.getMap<number>('edits');
    edits.observe((event) => {
      const t = now();
      for (const key of event.keysChanged) {
        if (key.startsWith(`${index}:`) || !step) continue;
        const sentAt = edits.get(key);
        if (sentAt === undefined || sentAt < step.measureFrom || sentAt >= step.measureTo) continue;
        arrivals[key] ??= [];
        arrivals[key].push(t - sentAt);
        lastArrival = t;
      }
    });
  }
  const counters = new Map<number, number>();
  const retriedBefore: Record<string, number> = {};
  const runStep = async (s: DraftsStep): Promise<LoadReport> => {
    step = s;
    arrivals = {};
    const loop = monitorEventLoopDelay({ resolution: 1 });
    let sent = 0;
    const timers: NodeJS.Timeout[] = [];
    const period = 1000 / s.rate;
    for (const { index, editor } of editors) {
      const edit = () => {
        const n = counters.get(index) ?? 0;
        counters.set(index, n + 1);
        const text = editor.doc.getText('body');
        const t = now();
        editor.doc.transact(() => {
          text.insert(
            Math.floor(Math.random() * (text.length + 1)),
            String.fromCharCode(97 + (n % 26)),
          );
          editor.doc.getMap<number>('edits').set(`${index}:${n}`, t);
        });
        if (t >= s.measureFrom && t < s.measureTo) sent += 1;
      };
      // Spread the editors over the period, as people do not type in step: a steady total rate
      // from the step's start (a period can be longer than the warm-up at low rates).
      const offset = s.startAt - now() + (index / data.totalEditors) * period;
      const begin = () => {
        edit();
        timers.push(setInterval(edit, period));
      };
      timers.push(setTimeout(begin, Math.max(0, offset)));
    }
    await new Promise((r) => setTimeout(r, s.measureFrom - now()));
    loop.enable();
    await new Promise((r) => setTimeout(r, s.measureTo - now()));
    loop.disable();
    for (const t of timers) clearInterval(t);
    // Drain: until nothing has arrived for 2 s (at most 10 s); a saturated server can stall for
    // over a second and still deliver everything late, which the p99 then shows.
    const drainEnd = now() + 10_000;
    while (now() - lastArrival < 2000 && now() < drainEnd)
      await new Promise((r) => setTimeout(r, 100));
    // The providers count retries since they connected; report this step's.
    const retries: Record<string, number> = {};
    for (const { editor } of editors)
      for (const [code, n] of Object.entries(editor.retries()))
        retries[code] = (retries[code] ?? 0) + n;
    for (const [code, n] of Object.entries(retries)) {
      const before = retriedBefore[code] ?? 0;
      retriedBefore[code] = n;
      if (n === before) delete retries[code];
      else retries[code] = n - before;
    }
    return { sent, arrivals, loopP99: loop.percentile(99) / 1e6, retries };
  };
  parentPort!.on('message', (m: DraftsStep | { type: 'close' }) => {
    if (m.type === 'step')
      void runStep(m).then((report) => parentPort!.postMessage({ type: 'report', report }));
    else {
      for (const e of editors) e.editor.close();
      setTimeout(() => process.exit(0), 200);
    }
  });
  parentPort!.postMessage({ type: 'ready' });
}

void main();
