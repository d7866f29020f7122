import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alive, MAIN, startServerProcess as startServer } from './helpers/server-process';
import { until } from './helpers/wait';

describe('the server process and its embedded database', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-proc-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves the seeded programme, and stops the database on SIGTERM', async () => {
    const s = await startServer({ DATA_DIR: dataDir() });
    const health = await fetch(`${s.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
    const signalled = Date.now();
    s.child.kill('SIGTERM');
    await until(() => s.child.exitCode !== null, 15000);
    expect(s.child.exitCode).toBe(0);
    // An orderly stop, not the 10 s safety timer.
    expect(Date.now() - signalled).toBeLessThan(3000);
    await until(() => !alive(s.databasePid!), 5000);
  });

  it('leaves no orphan database when the server is killed outright', async () => {
    const s = await startServer({ DATA_DIR: dataDir() });
    s.child.kill('SIGKILL');
    await until(() => !alive(s.databasePid!), 10000);
  });

  it('keeps data across restarts on the same DATA_DIR', async () => {
    const dir = dataDir();
    const first = await startServer({ DATA_DIR: dir });
    expect(first.output()).toMatch(/loading the programme of work/);
    first.child.kill('SIGINT');
    await until(() => first.child.exitCode !== null, 15000);
    const second = await startServer({ DATA_DIR: dir });
    expect(second.output()).not.toMatch(/loading the programme of work/);
    second.child.kill('SIGTERM');
    await until(() => second.child.exitCode !== null, 15000);
  });

  it('refuses to start in production while a demo account has the default seed password', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        DATA_DIR: dataDir(),
        SEED_PASSWORD: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    await until(() => child.exitCode !== null, 60000);
    expect(child.exitCode).toBe(1);
    expect(out).toMatch(/default seed password: chair@committee.test/);
  });

  it('starts in production once the seed used its own SEED_PASSWORD', async () => {
    const s = await startServer({
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      SEED_PASSWORD: 'a-real-secret-for-this-deployment',
    });
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect(s.output()).not.toMatch(/Demo accounts/);
    s.child.kill('SIGTERM');
    await until(() => s.child.exitCode !== null, 15000);
  });
});
