import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

/** Below these, merging here costs less than sending the updates to the thread (the cost grows
 * with the number of updates more than with their bytes: 1,000 keystrokes, 30 KB, took 47 ms). */
const INLINE_BYTES = 64 * 1024;
const INLINE_UPDATES = 32;

// Plain JavaScript evaluated by the worker, so that it runs the same from the build and from the
// TypeScript sources under test; Yjs is loaded from where this process loads it.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const Y = require(${JSON.stringify(require.resolve('yjs'))});
parentPort.on('message', ({ id, updates }) => {
  try {
    const merged = Y.mergeUpdates(updates);
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

interface Reply {
  id: number;
  merged?: Uint8Array;
  error?: string;
}

type Waiting = Map<number, { resolve(u: Uint8Array): void; reject(e: Error): void }>;

let current: { worker: Worker; waiting: Waiting } | null = null;
let nextId = 0;

function thread(): { worker: Worker; waiting: Waiting } {
  if (current) return current;
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const waiting: Waiting = new Map();
  const started = { worker, waiting };
  // Idle, it does not keep the process alive; busy, the process waits for the answers.
  worker.unref();
  worker.on('message', ({ id, merged, error }: Reply) => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    if (!entry) return;
    if (merged) entry.resolve(merged);
    else entry.reject(new Error(`merging updates failed: ${error}`));
  });
  const fail = (err: Error) => {
    if (current === started) current = null;
    for (const entry of waiting.values()) entry.reject(err);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the merging thread exited (${code})`)));
  current = started;
  return started;
}

/**
 * `Y.mergeUpdates` on a thread of its own when the updates are large: merging a whole draft's log
 * (compaction) took the event loop for tens of milliseconds, during which no edit reached anyone.
 */
export function mergeUpdatesOffThread(updates: Uint8Array[]): Promise<Uint8Array> {
  const bytes = updates.reduce((n, u) => n + u.byteLength, 0);
  if (updates.length < 2 || (bytes < INLINE_BYTES && updates.length <= INLINE_UPDATES))
    return Promise.resolve(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
  const id = nextId++;
  const { worker, waiting } = thread();
  worker.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // Copies: the caller keeps its arrays (they may be views into one database buffer).
    worker.postMessage({ id, updates });
  });
}

/** Stops the thread (tests: jest waits for it otherwise; a server exits without it, the thread being unref'd); the next merge starts another. */
export async function stopMergeThread(): Promise<void> {
  const running = current;
  current = null;
  if (running) await running.worker.terminate();
}
