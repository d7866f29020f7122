import { logger } from '../logger';
import { driverConnectionPrototype } from './driver-fix';

/** The part of the driver's internal Connection class relied on here (see driver-fix.ts). */
interface DriverConnection {
  command(
    this: DriverConnection,
    ns: unknown,
    cmd: Record<string, unknown>,
    ...rest: unknown[]
  ): Promise<unknown>;
}

/** Commands FerretDB carries out as a read, then a whole-document write. */
const READ_MODIFY_WRITE = new Set(['update', 'findAndModify']);

let tail: Promise<unknown> = Promise.resolve();
let installed = false;

/**
 * FerretDB v1 (the embedded database) applies an update by reading the document, changing it in
 * memory and writing it back whole, in two steps with nothing holding the document between them:
 * of 40 `$push`es to one document sent at once over the connection pool, 10 were kept, all 40
 * acknowledged. A connection's commands are carried out one after the other, so this process's
 * updates are sent one at a time, across the pool: none is then lost to another of this
 * process's. Inserts, reads and deletes go on in parallel. Other processes writing to the same
 * embedded database are not covered; several instances should share a MongoDB server, as the
 * README says.
 */
export function serializeUpdates(): void {
  if (installed) return;
  const proto = driverConnectionPrototype<DriverConnection>();
  const original = proto?.command;
  if (!proto || typeof original !== 'function') {
    logger.warn(
      'mongodb driver internals changed: updates to the embedded database are not sent one at a time (see server/db/serial-updates.ts)',
    );
    return;
  }
  installed = true;
  proto.command = function (this: DriverConnection, ns, cmd, ...rest) {
    const name = Object.keys(cmd)[0];
    if (!READ_MODIFY_WRITE.has(name)) return original.call(this, ns, cmd, ...rest);
    const run = tail.then(() => original.call(this, ns, cmd, ...rest));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** FerretDB answers buildInfo with its own version beside MongoDB's. */
export function isFerretDb(buildInfo: Record<string, unknown>): boolean {
  return typeof buildInfo.ferretdbVersion === 'string';
}
