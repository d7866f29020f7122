import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { logger } from '../logger';
import { projectRoot } from '../paths';
import { StartupError } from '../startup-error';
import { lockDataDir, unlockDataDir } from './data-dir-lock';
import { freeLoopbackPort, portOpen } from './free-port';

export type EmbeddedKind = 'ferretdb' | 'mongod';

const alive = new Set<ChildProcess>();
// A crash of this process still closes the child's stdin pipe (the child exits on that);
// on an ordinary exit we also signal it at once.
process.on('exit', () => {
  for (const child of alive) child.kill('SIGTERM');
});

/** Resolves the database binary, building FerretDB first if needed (with progress on stderr). */
export function ensureDatabaseBinary(): { kind: EmbeddedKind; bin: string } {
  const script = path.join(projectRoot, 'scripts', 'ensure-ferretdb.mjs');
  const result = spawnSync(process.execPath, [script, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const bin = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !bin) {
    throw new StartupError(
      'No embedded database is available (see the message above); set MONGODB_URI to use a running MongoDB.',
    );
  }
  return { kind: path.basename(bin) === 'mongod' ? 'mongod' : 'ferretdb', bin };
}

/** First pause before restarting a database that died; it doubles on every failure in a row, up to the cap. */
const RESTART_DELAY_MS = 100;
const RESTART_DELAY_CAP_MS = 4000;
/** A database that ran this long before dying starts its next restart from the first pause again. */
const STABLE_AFTER_MS = 30_000;

/**
 * A database server process owned by this one: FerretDB on SQLite files under dataDir
 * (or a mongod where Go is missing), listening on a free loopback port. When it dies on its own
 * (crash, OOM kill, kill -9), it is started again on the same port and files, with a growing
 * pause between attempts, so the driver's connection pool finds it again by itself.
 */
export class EmbeddedDatabase {
  private child: ChildProcess | undefined;
  private port = 0;
  /** Between start() and stop(): an exit in this state is a crash, and the process is restarted. */
  private wanted = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restartDelayMs = RESTART_DELAY_MS;
  private readyAt = 0;
  private downSince = 0;
  /** Restarts after unexpected exits since start(): a health figure for logs and tests. */
  restarts = 0;

  constructor(
    private readonly dataDir: string,
    private readonly binary = ensureDatabaseBinary(),
  ) {}

  uri(dbName: string): string {
    return `mongodb://127.0.0.1:${this.port}/${dbName}`;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** The database process's id while it runs (for operators and crash tests). */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  /** Starts the server; after a stop() it comes back on the same port, so clients reconnect. */
  async start(): Promise<void> {
    if (this.running || this.wanted) return;
    if (this.port === 0) this.port = await freeLoopbackPort();
    lockDataDir(this.dataDir, this.port, this.binary.kind);
    this.wanted = true;
    this.restartDelayMs = RESTART_DELAY_MS;
    try {
      await this.launch();
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  private async launch(): Promise<void> {
    const started = Date.now();
    const dir = path.join(this.dataDir, this.binary.kind);
    mkdirSync(dir, { recursive: true });
    const args =
      this.binary.kind === 'ferretdb'
        ? [
            '--handler=sqlite',
            `--sqlite-url=file:${dir}/`,
            `--listen-addr=127.0.0.1:${this.port}`,
            `--state-dir=${dir}`,
            '--telemetry=disable',
            '--debug-addr=-',
            '--log-level=error',
            '--exit-on-stdin-close',
          ]
        : ['--dbpath', dir, '--port', String(this.port), '--bind_ip', '127.0.0.1', '--quiet'];
    const child = spawn(this.binary.bin, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    this.child = child;
    alive.add(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let ready = false;
    child.on('exit', (code, signal) => {
      alive.delete(child);
      // A stop() of ours cleared this.child first; a failed start-up is reported by launch() itself.
      if (this.child !== child || !this.wanted || !ready) return;
      this.child = undefined;
      this.downSince = Date.now();
      if (this.downSince - this.readyAt > STABLE_AFTER_MS) this.restartDelayMs = RESTART_DELAY_MS;
      logger.error(
        {
          code,
          signal,
          pid: child.pid,
          stderr: stderr.trim() || undefined,
          restartInMs: this.restartDelayMs,
        },
        'embedded database exited unexpectedly; restarting it',
      );
      this.scheduleRestart();
    });
    try {
      await this.waitForPing(child, () => stderr);
    } catch (err) {
      if (this.child === child) this.child = undefined;
      await stopChild(child);
      throw err;
    }
    ready = true;
    this.readyAt = Date.now();
    logger.info(
      {
        kind: this.binary.kind,
        port: this.port,
        pid: child.pid,
        ms: Date.now() - started,
        dataDir: dir,
      },
      'embedded database ready',
    );
  }

  private scheduleRestart(): void {
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(delay * 2, RESTART_DELAY_CAP_MS);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.wanted) return;
      this.launch().then(
        () => {
          this.restarts += 1;
          logger.info(
            {
              pid: this.child?.pid,
              port: this.port,
              downMs: Date.now() - this.downSince,
              restarts: this.restarts,
            },
            'embedded database restarted',
          );
        },
        (err: unknown) => {
          if (!this.wanted) return;
          logger.error(
            { err, retryInMs: this.restartDelayMs },
            'embedded database did not restart; trying again',
          );
          this.scheduleRestart();
        },
      );
    }, delay);
  }

  private async waitForPing(child: ChildProcess, stderr: () => string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `embedded database exited during start-up (${child.exitCode ?? child.signalCode}):\n${stderr()}`,
        );
      }
      if (this.child !== child) throw new Error('embedded database stopped during start-up');
      // A cheap TCP probe first: the driver's server selection would wait its whole timeout on a refused port.
      if (!(await portOpen(this.port))) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const client = new MongoClient(this.uri('admin'), {
        serverSelectionTimeoutMS: 1000,
        connectTimeoutMS: 1000,
      });
      try {
        await client.db('admin').command({ ping: 1 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        await client.close().catch(() => undefined);
      }
    }
    throw new Error(`embedded database did not answer ping within 30 s:\n${stderr()}`);
  }

  async stop(): Promise<void> {
    const wasWanted = this.wanted;
    this.wanted = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const child = this.child;
    this.child = undefined;
    if (child) await stopChild(child);
    if (wasWanted) unlockDataDir(this.dataDir);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
