import { appError, ErrorCode } from '../../core/errors';
import { currentRequest } from '../../core/request-context';
import { logger } from '../../logger';
import { type FailureCounts, MemoryFailureCounts } from './failure-counts';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Guesses at one account. */
const MAX_FAILURES_PER_ACCOUNT = 10;
/**
 * Guesses from one address, at any accounts or invitation links: higher than per account, since
 * a delegation's office may sit behind one address, yet low enough to stop a sweep of accounts.
 */
const MAX_FAILURES_PER_IP = 50;

/**
 * Slows password and link guessing: after 10 failures for one account, or 50 from one address
 * (the request's, `currentRequest().ip`), in 15 minutes, refuse until the window passes. A
 * success clears the account's count, not the address's: one good password must not reset a
 * sweep across accounts. Counted on every instance together when `share` is given Redis; when the
 * shared counts cannot be reached, this instance's own count still applies.
 */
class LoginThrottle {
  private readonly local = new MemoryFailureCounts(LOGIN_WINDOW_MS);
  private shared: FailureCounts | null = null;

  /** Counts shared by every instance (Redis), from now on. */
  share(counts: FailureCounts | null): void {
    this.shared = counts;
  }

  /** Before trying a password (or a link, with no account): refuses when either limit is reached. */
  async check(account: string | null): Promise<void> {
    const ip = currentRequest()?.ip ?? null;
    if (ip) await this.refuseAt(`ip:${ip}`, MAX_FAILURES_PER_IP, 'from your address');
    if (account)
      await this.refuseAt(`account:${account}`, MAX_FAILURES_PER_ACCOUNT, 'for this account');
  }

  async fail(account: string | null): Promise<void> {
    const ip = currentRequest()?.ip ?? null;
    const keys = [ip && `ip:${ip}`, account && `account:${account}`].filter(
      (k): k is string => !!k,
    );
    await Promise.all(keys.map((k) => this.each((c) => c.add(k))));
  }

  async succeed(account: string): Promise<void> {
    await this.each((c) => c.forget(`account:${account}`));
  }

  private async refuseAt(key: string, max: number, what: string): Promise<void> {
    const states = await Promise.all(this.stores().map((c) => this.tryRead(c, key)));
    const over = states.find((s) => s !== null && s.count >= max);
    if (!over) return;
    const retryAfterSeconds = Math.ceil(over.resetInMs / 1000);
    throw appError(
      ErrorCode.TooManyRequests,
      `Too many failed attempts ${what}; try again in ${retryAfterSeconds} s.`,
      { reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds },
    );
  }

  private stores(): FailureCounts[] {
    return this.shared ? [this.local, this.shared] : [this.local];
  }

  private async tryRead(counts: FailureCounts, key: string) {
    try {
      return await counts.read(key);
    } catch (err) {
      logger.warn({ err }, 'shared sign-in failure counts unreachable: this instance counts alone');
      return null;
    }
  }

  private async each(op: (c: FailureCounts) => Promise<void>): Promise<void> {
    await Promise.all(
      this.stores().map((c) =>
        op(c).catch((err: unknown) =>
          logger.warn({ err }, 'could not update the shared sign-in failure counts'),
        ),
      ),
    );
  }
}

export const loginThrottle = new LoginThrottle();
