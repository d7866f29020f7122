import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { BenchEditor, createEditor, TargetSpec } from './bench-editors';

export interface LoadWorkerData {
  spec: TargetSpec;
  /** Global indices of the editors this thread runs. */
  editors: number[];
  totalEditors: number;
  rate: number;
}

export interface LoadSchedule {
  /** Absolute times (ms since the epoch, sub-millisecond) of the phases. */
  startAt: number;
  measureFrom: number;
  measureTo: number;
}

export interface LoadReport {
  sent: number;
  /** Latency of each arrival of a measured edit at a peer in this thread, by edit key. */
  arrivals: Record<string, number[]>;
  loopP99: number;
  retries: Record<string, number>;
}

const now = () => performance.timeOrigin + performance.now();
const data = workerData as LoadWorkerData;

/*
 * Runs some of the benchmark's editors on a thread of its own, so the editors of a large run use
 * both cores rather than queueing behind each other in one event loop. Each edit carries its send
 * time (an absolute clock shared by the threads); each peer records when it sees it.
 */
async function main() {
  const editors: { index: number; editor: BenchEditor }[] = data.editors.map((index) => ({
    index,
    editor: createEditor(data.spec),
  }));
  await Promise.all(editors.map((e) => e.editor.ready));
  const arrivals: Record<string, number[]> = {};
  let schedule: LoadSchedule | undefined;
  let lastArrival = now();
  for (const { index, editor } of editors) {
    editor.doc.getMap<number>('edits').observe((event) => {
      const t = now();
      for (const key of event.keysChanged) {
        if (key.startsWith(`${index}:`) || !schedule) continue;
        const sentAt = editor.doc.getMap<number>('edits').get(key);
        if (sentAt === undefined || sentAt < schedule.measureFrom || sentAt >= schedule.measureTo)
          continue;
        arrivals[key] ??= [];
        arrivals[key].push(t - sentAt);
        lastArrival = t;
      }
    });
  }
  parentPort!.postMessage({ type: 'ready' });
  schedule = await new Promise<LoadSchedule>((resolve) => parentPort!.once('message', resolve));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / data.rate;
  for (const { index, editor } of editors) {
    let n = 0;
    const edit = () => {
      const text = editor.doc.getText('body');
      const t = now();
      editor.doc.transact(() => {
        text.insert(
          Math.floor(Math.random() * (text.length + 1)),
          String.fromCharCode(97 + (n % 26)),
        );
        editor.doc.getMap<number>('edits').set(`${index}:${n++}`, t);
      });
      if (t >= schedule!.measureFrom && t < schedule!.measureTo) sent += 1;
    };
    // Spread the editors over the period, as people do not type in step.
    const offset = schedule.startAt - now() + (index / data.totalEditors) * period;
    timers.push(setTimeout(() => timers.push(setInterval(edit, period)), Math.max(0, offset)));
  }
  await new Promise((r) => setTimeout(r, schedule.measureFrom - now()));
  loop.enable();
  await new Promise((r) => setTimeout(r, schedule!.measureTo - now()));
  loop.disable();
  for (const t of timers) clearInterval(t);
  // Drain: until nothing has arrived for a second (at most 10 s).
  const drainEnd = now() + 10_000;
  while (now() - lastArrival < 1000 && now() < drainEnd)
    await new Promise((r) => setTimeout(r, 100));
  const retries: Record<string, number> = {};
  for (const { editor } of editors)
    for (const [code, n] of Object.entries(editor.retries()))
      retries[code] = (retries[code] ?? 0) + n;
  const report: LoadReport = { sent, arrivals, loopP99: loop.percentile(99) / 1e6, retries };
  parentPort!.postMessage({ type: 'report', report });
  for (const e of editors) e.editor.close();
  setTimeout(() => process.exit(0), 200);
}

void main();
