import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockPath } from '../server/db/data-dir-lock';
import { freeLoopbackPort } from '../server/db/free-port';
import { alive, childPids, MAIN, startServerProcess } from './helpers/server-process';
import { until } from './helpers/wait';

const ROOT = path.join(__dirname, '..');
const SEED = path.join(ROOT, 'dist', 'scripts', 'seed.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end; `whileRunning` is called with its pid every few milliseconds. */
function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  whileRunning?: (pid: number) => void,
): Promise<Run> {
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const watch = whileRunning ? setInterval(() => whileRunning(child.pid!), 5) : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(watch);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const hasStack = (text: string) => /\n\s+at .+:\d+:\d+/.test(text);

describe('starting the platform', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a bad PORT in one plain line, with code 2, before building anything', async () => {
    const viaNpm = await run('npm', ['start'], { PORT: 'abc', DATA_DIR: dataDir() });
    expect(viaNpm.code).toBe(2);
    expect(viaNpm.stderr).toContain('PORT must be a whole number between 0 and 65535 (got "abc").');
    expect(viaNpm.stderr + viaNpm.stdout).not.toMatch(/Building the/);
    expect(hasStack(viaNpm.stderr)).toBe(false);

    // The built server says the same when started directly.
    const direct = await run(process.execPath, [MAIN], { PORT: 'abc', DATA_DIR: dataDir() });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toBe('PORT must be a whole number between 0 and 65535 (got "abc").\n');
    expect(direct.stdout).toBe('');
  });

  it.each([
    [
      'MONGODB_URI',
      'localhost:27017',
      /^MONGODB_URI must be a URL starting with mongodb:\/\/ or mongodb\+srv:\/\//,
    ],
    [
      'REDIS_URL',
      'http://cache',
      /^REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//,
    ],
    [
      'LOG_LEVEL',
      'verbose',
      /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)\.$/m,
    ],
    [
      'SESSION_TTL_HOURS',
      '0',
      /^SESSION_TTL_HOURS must be a whole number between 1 and 720 \(got "0"\)\.$/m,
    ],
  ])('refuses %s=%s the same way', async (name, value, message) => {
    const check = await run(process.execPath, ['scripts/check-config.mjs'], { [name]: value });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(message);
    const direct = await run(process.execPath, [MAIN], {
      [name]: value,
      PORT: '0',
      DATA_DIR: dataDir(),
    });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(message);
    expect(direct.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names an unreachable MONGODB_URI, without its password, and says what to do', async () => {
    const port = await freeLoopbackPort();
    const uri = `mongodb://committee:s3cret-pass@127.0.0.1:${port}/committee`;
    const result = await run(process.execPath, [MAIN], { MONGODB_URI: uri, PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Could not reach the MongoDB at mongodb://committee:***@127.0.0.1:${port}/committee (connect ECONNREFUSED 127.0.0.1:${port}).`,
    );
    expect(result.stderr).toContain(
      'Start MongoDB there (or correct MONGODB_URI), or unset MONGODB_URI to use the embedded database.',
    );
    expect(result.stderr + result.stdout).not.toContain('s3cret-pass');
    expect(hasStack(result.stderr)).toBe(false);
  });

  it('seeds through the running platform instead of starting a second database on its files', async () => {
    const dir = dataDir();
    const server = await startServerProcess({ DATA_DIR: dir });
    try {
      const owner = JSON.parse(readFileSync(lockPath(dir), 'utf8')) as {
        pid: number;
        port: number;
      };
      expect(owner.pid).toBe(server.child.pid);
      const started: number[] = [];
      const seed = await run(process.execPath, [SEED], { DATA_DIR: dir }, (pid) => {
        for (const child of childPids(pid)) {
          const cmdline = (() => {
            try {
              return readFileSync(`/proc/${child}/cmdline`, 'utf8');
            } catch {
              return ''; // gone already
            }
          })();
          if (cmdline.includes('--handler=sqlite')) started.push(child);
        }
      });
      expect(seed.code).toBe(0);
      expect(seed.stdout).toContain(
        `The platform is running on this data directory (pid ${server.child.pid}): seeding through its database on port ${owner.port}.`,
      );
      expect(seed.stdout).toMatch(/Seed done: 0 records added/);
      expect(started).toEqual([]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid).toBe(server.child.pid);

      // A second server on the same files is refused, in plain words; the first one is untouched.
      const second = await run(process.execPath, [MAIN], { DATA_DIR: dir, PORT: '0' });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(
        `The platform is running on this data directory (${dir}, pid ${server.child.pid}, database on 127.0.0.1:${owner.port}); stop it first`,
      );
      expect(hasStack(second.stderr)).toBe(false);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    // Stopped in order, the server gives the directory back.
    expect(() => readFileSync(lockPath(dir))).toThrow(/ENOENT/);
  });

  it('takes over the data directory of a server that was killed outright', async () => {
    const dir = dataDir();
    const first = await startServerProcess({ DATA_DIR: dir });
    first.child.kill('SIGKILL');
    await until(() => !alive(first.databasePid!), 10000);
    const second = await startServerProcess({ DATA_DIR: dir });
    try {
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
      expect(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid).toBe(second.child.pid);
    } finally {
      await second.stop();
    }
  });
});

describe('building only what changed', () => {
  // Outside every directory the tools read: it counts for the web client's fingerprint only.
  const probe = path.join(ROOT, 'client', `.build-probe-${process.pid}`);
  afterAll(() => rmSync(probe, { force: true }));

  it('builds nothing the second time, and sees a changed input', async () => {
    const first = await run(process.execPath, ['scripts/build-if-stale.mjs'], {});
    expect(first.code).toBe(0);
    const second = await run(process.execPath, ['scripts/build-if-stale.mjs'], {});
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/Building/);
    expect((await run(process.execPath, ['scripts/build-if-stale.mjs', '--check'], {})).code).toBe(
      0,
    );

    writeFileSync(probe, 'a changed input\n');
    const changed = await run(process.execPath, ['scripts/build-if-stale.mjs', '--check'], {});
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('web client: not built from the current sources');
    rmSync(probe);
    // Content, not dates, decides: with the file gone, the build on disk is current again.
    const restored = await run(process.execPath, ['scripts/build-if-stale.mjs', '--check'], {});
    expect(restored.stderr).not.toContain('web client');
  }, 600_000);
});
