import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// These run the built server (npm test builds it first) as its own process, as a user would.
const MAIN = path.join(__dirname, '..', 'dist', 'server', 'main.js');

function childPids(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2].startsWith('Z');
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  databasePid: number;
}

async function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const listening = /"url":"(http:\/\/[^"]+)\/graphql","msg":"server listening"/;
  const ok = await waitFor(() => listening.test(out) || child.exitCode !== null, 60000);
  const match = listening.exec(out);
  if (!ok || !match) throw new Error(`server did not start:\n${out}`);
  const databasePid = childPids(child.pid!).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ferretdb'));
  if (!databasePid) throw new Error('no embedded database process found');
  return { child, output: () => out, url: match[1], databasePid };
}

describe('the server process and its embedded database', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-proc-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('serves the seeded programme, and stops the database on SIGTERM', async () => {
    const s = await startServer({ DATA_DIR: dataDir() });
    const health = await fetch(`${s.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
    s.child.kill('SIGTERM');
    expect(await waitFor(() => s.child.exitCode !== null, 15000)).toBe(true);
    expect(s.child.exitCode).toBe(0);
    expect(await waitFor(() => !alive(s.databasePid), 5000)).toBe(true);
  });

  it('leaves no orphan database when the server is killed outright', async () => {
    const s = await startServer({ DATA_DIR: dataDir() });
    s.child.kill('SIGKILL');
    expect(await waitFor(() => !alive(s.databasePid), 10000)).toBe(true);
  });

  it('keeps data across restarts on the same DATA_DIR', async () => {
    const dir = dataDir();
    const first = await startServer({ DATA_DIR: dir });
    expect(first.output()).toMatch(/loading the programme of work/);
    first.child.kill('SIGINT');
    await waitFor(() => first.child.exitCode !== null, 15000);
    const second = await startServer({ DATA_DIR: dir });
    expect(second.output()).not.toMatch(/loading the programme of work/);
    second.child.kill('SIGTERM');
    await waitFor(() => second.child.exitCode !== null, 15000);
  });

  it('refuses to start in production while a demo account has the default seed password', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir(), SEED_PASSWORD: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    expect(await waitFor(() => child.exitCode !== null, 60000)).toBe(true);
    expect(child.exitCode).toBe(1);
    expect(out).toMatch(/default seed password: chair@committee.test/);
  });

  it('starts in production once the seed used its own SEED_PASSWORD', async () => {
    const s = await startServer({ NODE_ENV: 'production', DATA_DIR: dataDir(), SEED_PASSWORD: 'a-real-secret-for-this-deployment' });
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect(s.output()).not.toMatch(/Demo accounts/);
    s.child.kill('SIGTERM');
    await waitFor(() => s.child.exitCode !== null, 15000);
  });
});
