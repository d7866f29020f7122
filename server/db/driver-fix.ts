import { MongoNetworkError } from 'mongodb';
import { logger } from '../logger';

/** The part of the driver's internal Connection class the fix below relies on. */
interface DriverConnection {
  closed: boolean;
  id: number | string;
  address: string;
  writeCommand(this: DriverConnection, ...args: unknown[]): Promise<void>;
  /** Emitted once by the connection's cleanup, when its socket is destroyed. */
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

/**
 * Works around a hang in the mongodb driver (7.8.0, still in 7.9.0): when the database dies
 * while an operation is about to write to its pooled connection, Connection.writeCommand writes to
 * the destroyed socket, which returns false without an 'error' event, and then waits for a
 * 'drain' that never comes. The operation never settles, and whatever waits on it (a draft's
 * group-committed update log; the server monitor, which then stops checking and leaves the
 * database "unknown" for good) waits forever. Here the write fails as soon as its connection
 * closes, with the network error the driver meets in every other case, and is handled as usual
 * (DATABASE_UNAVAILABLE for the client, the pool cleared, the monitor reconnecting).
 */
/**
 * The prototype of the driver's internal Connection class, typed as the part the caller relies
 * on; undefined when the driver's internals moved (the caller then warns and does without).
 */
export function driverConnectionPrototype<T>(): T | undefined {
  try {
    // An internal module (the package declares no exports map). It is the copy mongoose uses too:
    // package.json pins the version mongoose asks for, so npm installs one.
    const internal = require('mongodb/lib/cmap/connection') as {
      Connection?: { prototype?: T };
    };
    return internal.Connection?.prototype;
  } catch {
    return undefined;
  }
}

export function failWritesOnClosedConnections(): void {
  const proto = driverConnectionPrototype<DriverConnection>();
  const original = proto?.writeCommand;
  if (!proto || typeof original !== 'function') {
    logger.warn(
      'mongodb driver internals changed: writes on closed connections are not guarded (see server/db/driver-fix.ts)',
    );
    return;
  }
  if ((original as { guarded?: boolean }).guarded) return;
  const guarded = function (this: DriverConnection, ...args: unknown[]): Promise<void> {
    const closed = () => new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
    if (this.closed) return Promise.reject(closed());
    return new Promise<void>((resolve, reject) => {
      const onClose = () => reject(closed());
      this.once('close', onClose);
      original
        .apply(this, args)
        .then(resolve, reject)
        .finally(() => this.off('close', onClose));
    });
  };
  Object.assign(guarded, { guarded: true });
  proto.writeCommand = guarded;
}
