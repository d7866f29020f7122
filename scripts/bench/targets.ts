import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freeLoopbackPort } from '../../server/db/free-port';
import { childPids, gql } from '../../test/helpers/server-process';
import { TargetSpec } from './bench-editors';

/** The servers under test, each started in a process of its own; shared by the bench's modes. */

export const PASSWORD = 'bench-coedit-password-1540';
const root = path.resolve(__dirname, '..', '..', '..');

/** `--name 5` on the command line, else BENCH_NAME, else the fallback. */
export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0
    ? Number(process.argv[i + 1])
    : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
};

export interface Target {
  name: string;
  spec: TargetSpec;
  pids: number[];
  stop(): Promise<void>;
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  // e.g. with BENCH_SERVER_NODE_ARGS="--trace-gc", to read the servers' own output afterwards.
  const copyTo = process.env.BENCH_SERVER_OUTPUT;
  if (copyTo) {
    const file = fs.createWriteStream(`${copyTo}.${path.basename(script, '.js')}.${Date.now()}`);
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  }
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (/listening|platform: http/.test(out)) {
        clearInterval(timer);
        resolve({ child, output: () => out });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`${script} exited:\n${out}`));
      }
    }, 20);
  });
}

export async function ourServer(
  dataDir: string,
): Promise<Target & { url: string; token: string; draftId: string }> {
  const port = await freeLoopbackPort();
  const { child } = await spawnNode(
    path.join(root, 'dist', 'server', 'main.js'),
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'bench',
      // As `npm start` runs it: see the README on memory.
      MALLOC_MMAP_THRESHOLD_: '131072',
    },
    // As `npm start` runs it; and e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
    // to see where the server's time goes.
    [
      '--max-semi-space-size=2',
      '--heap-growing-percent=15',
      ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ],
  );
  const url = `http://127.0.0.1:${port}`;
  const { login } = await gql<{ login: { token: string } }>(
    url,
    `mutation { login(email: "delegate@committee.test", password: "${PASSWORD}") { token } }`,
    {},
  );
  const { drafts } = await gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
    url,
    '{ drafts { id workingGroup { number } } }',
    {},
    login.token,
  );
  const draftId = drafts.find((d) => d.workingGroup.number === 1)!.id;
  return {
    name: 'ours (GraphQL + Yjs log)',
    url,
    token: login.token,
    draftId,
    spec: { kind: 'ours', url, token: login.token, draftId },
    pids: [child.pid!, ...childPids(child.pid!)],
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** Hocuspocus in memory or, given a data directory, storing its documents in the embedded database. */
export async function hocuspocus(dataDir?: string): Promise<Target> {
  const port = await freeLoopbackPort();
  const { child } = await spawnNode(
    path.join(root, 'dist', 'scripts', 'bench', 'hocuspocus-server.js'),
    { PORT: String(port), ...(dataDir ? { DATA_DIR: dataDir } : {}) },
  );
  return {
    name: dataDir
      ? 'Hocuspocus 3.4 storing in the same database (its Database extension)'
      : 'Hocuspocus 3.4',
    spec: { kind: 'hocuspocus', port },
    // Storing, its database is a child process: its CPU and memory count.
    pids: [child.pid!, ...childPids(child.pid!)],
    stop: () => stopChild(child),
  };
}

export async function relay(): Promise<Target> {
  const port = await freeLoopbackPort();
  const { child } = await spawnNode(
    path.join(root, 'dist', 'scripts', 'bench', 'relay-server.js'),
    { PORT: String(port) },
  );
  return {
    name: 'bare WebSocket relay (floor)',
    spec: { kind: 'relay', port },
    pids: [child.pid!],
    stop: () => stopChild(child),
  };
}
