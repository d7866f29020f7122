import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { logger } from '../logger';
import { projectRoot } from '../paths';
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
  const result = spawnSync(process.execPath, [script, '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const bin = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !bin) {
    throw new Error('No embedded database is available (see the message above); set MONGODB_URI to use a running MongoDB.');
  }
  return { kind: path.basename(bin) === 'mongod' ? 'mongod' : 'ferretdb', bin };
}

/**
 * A database server process owned by this one: FerretDB on SQLite files under dataDir
 * (or a mongod where Go is missing), listening on a free loopback port.
 */
export class EmbeddedDatabase {
  private child: ChildProcess | undefined;
  private port = 0;

  constructor(
    private readonly dataDir: string,
    private readonly binary = ensureDatabaseBinary(),
  ) {}

  uri(dbName: string): string {
    return `mongodb://127.0.0.1:${this.port}/${dbName}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server; after a stop() it comes back on the same port, so clients reconnect. */
  async start(): Promise<void> {
    if (this.running) return;
    const started = Date.now();
    if (this.port === 0) this.port = await freeLoopbackPort();
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
    child.on('exit', (code, signal) => {
      alive.delete(child);
      if (this.child === child) logger.warn({ code, signal }, 'embedded database exited');
    });
    try {
      await this.waitForPing(child, () => stderr);
    } catch (err) {
      await this.stop();
      throw err;
    }
    logger.info({ kind: this.binary.kind, port: this.port, ms: Date.now() - started, dataDir: dir }, 'embedded database ready');
  }

  private async waitForPing(child: ChildProcess, stderr: () => string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`embedded database exited during start-up (${child.exitCode ?? child.signalCode}):\n${stderr()}`);
      }
      // A cheap TCP probe first: the driver's server selection would wait its whole timeout on a refused port.
      if (!(await portOpen(this.port))) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const client = new MongoClient(this.uri('admin'), { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
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
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
