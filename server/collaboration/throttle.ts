import { appError, ErrorCode } from '../core/errors';
import type { CollaborationExtension, IncomingPresence, IncomingUpdate } from './extension';

interface Bucket {
  tokens: number;
  bytes: number;
  at: number;
}

/**
 * A token bucket per connection (or per person over HTTP): a flood from one sender is refused
 * with TOO_MANY_REQUESTS instead of filling the write queue that everyone's edits share.
 */
export class Throttle implements CollaborationExtension {
  readonly name = 'throttle';
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly bytesPerSecond: number,
  ) {}

  take(key: string, bytes: number): void {
    const now = Date.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, bytes: this.bytesPerSecond, at: now };
    const elapsed = (now - b.at) / 1000;
    b.tokens = Math.min(this.burst, b.tokens + elapsed * this.perSecond);
    b.bytes = Math.min(this.bytesPerSecond * 2, b.bytes + elapsed * this.bytesPerSecond);
    b.at = now;
    if (b.tokens < 1 || b.bytes < bytes) {
      this.buckets.set(key, b);
      throw appError(
        ErrorCode.TooManyRequests,
        'Too many updates from this connection; slow down and retry.',
        {
          retryAfterMs: Math.ceil(Math.max(1 - b.tokens, 0) * (1000 / this.perSecond)) || 100,
        },
      );
    }
    b.tokens -= 1;
    b.bytes -= bytes;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.buckets.delete(this.buckets.keys().next().value as string);
  }

  beforeStore({ senderKey, update }: IncomingUpdate): void {
    this.take(senderKey, update.byteLength);
  }

  beforePresence({ senderKey, bytes }: IncomingPresence): void {
    this.take(senderKey, bytes);
  }

  onConnectionClosed(connectionId: string): void {
    this.buckets.delete(connectionId);
  }

  /** Kept per sender, not per draft: a connection's bucket goes when the connection closes. */
  stats(): Record<string, number> {
    return { senders: this.buckets.size };
  }
}
