import { appError, ErrorCode } from '../core/errors';
import type { CollaborationCore, CollaborationExtension } from './extension';

export interface BackpressureLimits {
  /** Updates accepted and not yet stored, across drafts, beyond which new ones are refused. */
  maxUpdates: number;
  /** The same bound in bytes. */
  maxBytes: number;
}

/**
 * When edits arrive faster than the database stores them, the write queue would grow without
 * end, and with it memory and every acknowledgement's delay. Past a bound, new edits are refused
 * with TOO_MANY_REQUESTS and a delay; the editor keeps them and sends them again, merged with
 * whatever was typed meanwhile, so the load drops as the queue drains. Refused before anything is
 * relayed: what peers receive is always on its way to the database.
 */
export class Backpressure implements CollaborationExtension {
  readonly name = 'backpressure';
  /** Edits refused since start: a figure for operators and tests. */
  refused = 0;

  constructor(
    private readonly core: CollaborationCore,
    private readonly limits: BackpressureLimits,
  ) {}

  /** Early, before the other checks read anything for an edit that would be refused anyway. */
  beforeStore(): void {
    this.check();
  }

  /**
   * Again, right before the edit is queued, with nothing awaited in between: edits that passed
   * the early check together, while a later check read the database, would otherwise all be
   * queued past the bound (a loaded test run saw 152 queued for a bound of 50).
   */
  beforeQueue(): void {
    this.check();
  }

  private check(): void {
    const { updates, bytes } = this.core.backlog();
    if (updates < this.limits.maxUpdates && bytes < this.limits.maxBytes) return;
    this.refused += 1;
    const fullness = Math.max(updates / this.limits.maxUpdates, bytes / this.limits.maxBytes);
    // Spread the retries so that the refused do not all come back in the same instant.
    const retryAfterMs = Math.round(Math.min(2000, 250 * fullness) * (0.75 + Math.random() / 2));
    throw appError(
      ErrorCode.TooManyRequests,
      'The server is storing edits more slowly than they arrive; your edit will be sent again in a moment.',
      { retryAfterMs },
    );
  }
}
