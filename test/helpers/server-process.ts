import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { until } from './wait';

// The built server (npm test builds it first), run as its own process, as a user would.
export const MAIN = path.join(__dirname, '..', '..', 'dist', 'server', 'main.js');

export function childPids(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file)
    ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    : [];
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2].startsWith('Z');
  } catch {
    return false;
  }
};

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  url: string;
  /** The embedded database's process, when the server started one. */
  databasePid: number | undefined;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const listening = /"url":"(http:\/\/[^"]+)\/graphql","msg":"server listening"/;
  const ok = await until(() => listening.test(out) || child.exitCode !== null, 60000).then(
    () => true,
    () => false,
  );
  const match = listening.exec(out);
  if (!ok || !match) throw new Error(`server did not start:\n${out}`);
  const databasePid = childPids(child.pid!).find((pid) =>
    readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ferretdb'),
  );
  return {
    child,
    output: () => out,
    url: match[1].replace('localhost', '127.0.0.1'),
    databasePid,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await until(
        () => child.exitCode !== null || child.signalCode !== null,
        15000,
        'the server exiting',
      );
    },
  };
}

/** A throwaway Redis on a free loopback port, for tests of several instances. */
export async function startRedis(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const ready = await until(
    () => out.includes('Ready to accept connections') || child.exitCode !== null,
    10000,
  ).then(
    () => true,
    () => false,
  );
  if (!ready || child.exitCode !== null) {
    throw new Error(
      `redis-server did not start (is it installed? apt-get install redis-server):\n${out}`,
    );
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await until(() => child.exitCode !== null, 5000, 'redis-server exiting');
    },
  };
}

/** A GraphQL request over HTTP that throws on errors, for tests and benchmarks of running servers. */
export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
