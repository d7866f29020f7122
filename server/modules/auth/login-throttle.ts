import { appError, ErrorCode } from '../../core/errors';
import { currentRequest } from '../../core/request-context';

const WINDOW_MS = 15 * 60_000;
/** Guesses at one account. */
const MAX_FAILURES_PER_ACCOUNT = 10;
/**
 * Guesses from one address, at any accounts or invitation links: higher than per account, since
 * a delegation's office may sit behind one address, yet low enough to stop a sweep of accounts.
 */
const MAX_FAILURES_PER_IP = 50;

/** Counts failures per key in a window; at the limit, refuses until the window passes. */
class FailureWindow {
  private failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly max: number,
    private readonly what: string,
  ) {}

  check(key: string): void {
    const entry = this.failures.get(key);
    if (!entry) return;
    if (Date.now() - entry.since > WINDOW_MS) {
      this.failures.delete(key);
      return;
    }
    if (entry.count >= this.max) {
      const retryAfterSeconds = Math.ceil((entry.since + WINDOW_MS - Date.now()) / 1000);
      throw appError(
        ErrorCode.TooManyRequests,
        `Too many failed attempts ${this.what}; try again in ${retryAfterSeconds} s.`,
        { reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds },
      );
    }
  }

  fail(key: string): void {
    const entry = this.failures.get(key);
    if (!entry || Date.now() - entry.since > WINDOW_MS)
      this.failures.set(key, { count: 1, since: Date.now() });
    else entry.count += 1;
    if (this.failures.size > 10_000)
      this.failures.delete(this.failures.keys().next().value as string);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * Slows password and link guessing on this instance: after 10 failures for one account, or 50
 * from one address (the request's, `currentRequest().ip`), in 15 minutes, refuse until the
 * window passes. A success clears the account's count, not the address's: one good password
 * must not reset a sweep across accounts.
 */
class LoginThrottle {
  private readonly accounts = new FailureWindow(MAX_FAILURES_PER_ACCOUNT, 'for this account');
  private readonly addresses = new FailureWindow(MAX_FAILURES_PER_IP, 'from your address');

  private ip(): string | null {
    return currentRequest()?.ip ?? null;
  }

  /** Before trying a password (or a link, with no account): refuses when either limit is reached. */
  check(account: string | null): void {
    const ip = this.ip();
    if (ip) this.addresses.check(ip);
    if (account) this.accounts.check(account);
  }

  fail(account: string | null): void {
    const ip = this.ip();
    if (ip) this.addresses.fail(ip);
    if (account) this.accounts.fail(account);
  }

  succeed(account: string): void {
    this.accounts.forget(account);
  }
}

export const loginThrottle = new LoginThrottle();
