import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error';
import type { EmbeddedKind } from './embedded-database';

/** Who runs the embedded database on a data directory: written by that process, removed when it stops. */
export interface DataDirOwner {
  pid: number;
  /** Loopback port of the database, so that another process (the seed) can use it instead of starting its own. */
  port: number;
  kind: EmbeddedKind;
  /** The owner's start time as Linux counts it (/proc/<pid>/stat), so a pid reused after a reboot is not taken for it. */
  startTicks: string | null;
}

/** A second process must not start a database on files another one is using: SQLite would be written by two servers. */
export class DataDirBusyError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(
      `The platform is running on this data directory (${dataDir}, pid ${owner.pid}, database on 127.0.0.1:${owner.port}); ` +
        `stop it first, or give this server another DATA_DIR. If no such process is running, delete ${lockPath(dataDir)}.`,
    );
  }
}

export const lockPath = (dataDir: string) => path.join(dataDir, 'embedded-database.lock');

function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie has exited already; its parent just has not collected it.
    if (fields[0] === 'Z') return null;
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isLive(owner: DataDirOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.startTicks === null || !existsSync('/proc/self/stat')) return true;
  return startTicks(owner.pid) === owner.startTicks;
}

function readLock(file: string): DataDirOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DataDirOwner;
  } catch {
    // Missing, or unreadable: a lock is written whole (link of a complete file), so this is not one being written.
    return undefined;
  }
}

/** The live process (other than this one) that runs the embedded database on dataDir, if any. */
export function dataDirOwner(dataDir: string): DataDirOwner | undefined {
  const owner = readLock(lockPath(dataDir));
  return owner && owner.pid !== process.pid && isLive(owner) ? owner : undefined;
}

const held = new Set<string>();
process.on('exit', () => {
  for (const file of held) {
    try {
      unlinkSync(file);
    } catch {
      // Gone already.
    }
  }
});

/** Takes dataDir for this process, or throws DataDirBusyError naming the live process that has it. */
export function lockDataDir(dataDir: string, port: number, kind: EmbeddedKind): void {
  const file = lockPath(dataDir);
  const mine: DataDirOwner = { pid: process.pid, port, kind, startTicks: startTicks(process.pid) };
  // Another EmbeddedDatabase of this very process already runs on these files.
  if (held.has(file)) throw new DataDirBusyError(dataDir, readLock(file) ?? mine);
  const draft = `${file}.${process.pid}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(draft, `${JSON.stringify(mine)}\n`);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        // link() fails when the lock exists: of two processes starting together, exactly one gets it.
        linkSync(draft, file);
        held.add(file);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err;
      }
      const owner = readLock(file);
      if (owner && owner.pid !== process.pid && isLive(owner))
        throw new DataDirBusyError(dataDir, owner);
      // Left by a process that died (or by this one): take it over, unless another process just
      // did (then the next link fails and reads that live owner).
      try {
        if (JSON.stringify(readLock(file)) === JSON.stringify(owner)) unlinkSync(file);
      } catch {
        // Removed by another process first; the next link decides.
      }
    }
  } finally {
    unlinkSync(draft);
  }
}

export function unlockDataDir(dataDir: string): void {
  const file = lockPath(dataDir);
  if (!held.delete(file)) return;
  if (readLock(file)?.pid !== process.pid) return;
  try {
    unlinkSync(file);
  } catch {
    // Gone already.
  }
}
