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

  constructor(
    private readonly onClose: () => void,
    private readonly limit = 10_000,
  ) {}

  push(value: T): void {
    if (this.done) return;
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

  return(): Promise<IteratorResult<T>> {
    this.close();
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
