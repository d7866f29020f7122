import { appError, ErrorCode } from '../core/errors';

/**
 * An async iterator over events pushed to it, for a subscription. A consumer that falls more than
 * `limit` events behind is ended with an error (it resubscribes and catches up from the database)
 * rather than holding memory without bound.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private buffer: T[] = [];
  private waiting:
    | { resolve: (r: IteratorResult<T>) => void; reject: (e: Error) => void }
    | undefined;
  private failure: Error | undefined;
  private done = false;
  /** Set by `consume`: events go straight to it instead of through `next()`. */
  private sink:
    | { onValue: (value: T) => void; onEnd: (error: Error | null) => void; ended: boolean }
    | undefined;

  constructor(
    private readonly onClose: () => void,
    private readonly limit = 10_000,
  ) {}

  push(value: T): void {
    if (this.done) return;
    if (this.sink) {
      this.deliver(value);
      return;
    }
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value, done: false });
      return;
    }
    if (this.buffer.length >= this.limit) {
      this.fail(
        appError(
          ErrorCode.TooManyRequests,
          'This subscription fell too far behind; subscribe again to catch up.',
        ),
      );
      return;
    }
    this.buffer.push(value);
  }

  fail(error: Error): void {
    if (this.sink) {
      this.close();
      this.end(error);
      return;
    }
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = undefined;
      reject(error);
    } else {
      this.failure = error;
    }
    this.close();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0)
      return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /**
   * Hands each event to `onValue` as it is pushed, in order, instead of through `next()`: a relay to
   * many sockets saves a promise and a turn of the microtask queue per event and subscriber (the
   * co-editing socket at 50 editors sends some 25,000 events a second). `onEnd` is called once
   * when the stream ends: with its failure, or with null after `return()`, as a `for await` loop
   * would end.
   */
  consume(onValue: (value: T) => void, onEnd: (error: Error | null) => void): void {
    const buffered = this.buffer;
    this.buffer = [];
    const failure = this.failure;
    this.failure = undefined;
    this.sink = { onValue, onEnd, ended: false };
    for (const value of buffered) if (!this.deliver(value)) return;
    if (failure) this.end(failure);
    else if (this.done) this.end(null);
  }

  /** A consumer that throws ends its own stream, not the publisher's call (another person's edit). */
  private deliver(value: T): boolean {
    try {
      this.sink?.onValue(value);
      return true;
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
      return false;
    }
  }

  private end(error: Error | null): void {
    const sink = this.sink;
    if (!sink || sink.ended) return;
    sink.ended = true;
    sink.onEnd(error);
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.end(null);
    this.buffer = [];
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
