import { appError, ErrorCode } from '../../core/errors';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;

/** Slows password guessing: after 10 failures for one email in 15 minutes, refuse until the window passes. */
class LoginThrottle {
  private failures = new Map<string, { count: number; since: number }>();

  check(email: string): void {
    const entry = this.failures.get(email);
    if (!entry) return;
    if (Date.now() - entry.since > WINDOW_MS) {
      this.failures.delete(email);
      return;
    }
    if (entry.count >= MAX_FAILURES) {
      const retryAfterSeconds = Math.ceil((entry.since + WINDOW_MS - Date.now()) / 1000);
      throw appError(
        ErrorCode.TooManyRequests,
        `Too many failed sign-ins for this account; try again in ${retryAfterSeconds} s.`,
        {
          reason: 'TOO_MANY_ATTEMPTS',
          retryAfterSeconds,
        },
      );
    }
  }

  fail(email: string): void {
    const entry = this.failures.get(email);
    if (!entry || Date.now() - entry.since > WINDOW_MS)
      this.failures.set(email, { count: 1, since: Date.now() });
    else entry.count += 1;
    if (this.failures.size > 10_000)
      this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(email: string): void {
    this.failures.delete(email);
  }
}

export const loginThrottle = new LoginThrottle();
