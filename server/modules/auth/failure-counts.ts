/** Failures counted under a key in the current window, and how long until it ends. */
export interface FailureWindowState {
  count: number;
  resetInMs: number;
}

/**
 * Where failed sign-ins are counted: in this process, or shared by every instance (Redis, see
 * server/pubsub/redis-failure-counts.ts), so that spreading guesses over instances gains nothing.
 */
export interface FailureCounts {
  read(key: string): Promise<FailureWindowState | null>;
  /** Counts one more failure; the first of a window starts it. */
  add(key: string): Promise<void>;
  forget(key: string): Promise<void>;
}

/** Counts kept in this process, with a bound on how many keys are remembered. */
export class MemoryFailureCounts implements FailureCounts {
  private failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  async read(key: string): Promise<FailureWindowState | null> {
    const entry = this.failures.get(key);
    if (!entry) return null;
    const resetInMs = entry.since + this.windowMs - Date.now();
    if (resetInMs <= 0) {
      this.failures.delete(key);
      return null;
    }
    return { count: entry.count, resetInMs };
  }

  async add(key: string): Promise<void> {
    const entry = this.failures.get(key);
    if (!entry || Date.now() - entry.since > this.windowMs)
      this.failures.set(key, { count: 1, since: Date.now() });
    else entry.count += 1;
    if (this.failures.size > this.maxKeys)
      this.failures.delete(this.failures.keys().next().value as string);
  }

  async forget(key: string): Promise<void> {
    this.failures.delete(key);
  }
}
