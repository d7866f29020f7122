import type { AuthUser } from '../../core/auth-user';

export interface SessionCacheOptions {
  /** How long a session read from the database is trusted without reading it again. */
  ttlMs: number;
  /** At most this many sessions are kept; the least recently used go first. */
  maxEntries: number;
}

interface Entry {
  user: AuthUser;
  /** The earlier of the cache's TTL and the session's own expiry. */
  until: number;
}

/**
 * The people behind recently seen session tokens (by token hash), so that every request does
 * not read the session and its user from the database. A session leaves it when it is revoked
 * (`revoke`, on this instance directly and on the others through pub/sub), when it expires, and
 * after `ttlMs` in any case. A Map keeps insertion order: re-inserting on each hit makes its
 * first key the least recently used.
 */
export class SessionCache {
  private entries = new Map<string, Entry>();
  private tokenOfSession = new Map<string, string>();
  /**
   * Counts revocations. A read from the database that began before a revocation must not be
   * cached after it: the session it found may be the one just revoked.
   */
  private revocations = 0;

  constructor(private readonly opts: SessionCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** What `set` must be given back: taken before reading the session from the database. */
  epoch(): number {
    return this.revocations;
  }

  get(tokenHash: string, now = Date.now()): AuthUser | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.remove(tokenHash, entry);
      return null;
    }
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return entry.user;
  }

  set(tokenHash: string, user: AuthUser, epoch: number, now = Date.now()): void {
    if (epoch !== this.revocations) return;
    const until = Math.min(now + this.opts.ttlMs, user.sessionExpiresAt.getTime());
    if (until <= now || this.opts.maxEntries <= 0) return;
    const previous = this.entries.get(tokenHash);
    if (previous) this.remove(tokenHash, previous);
    while (this.entries.size >= this.opts.maxEntries) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldest, entry);
    }
    this.entries.set(tokenHash, { user, until });
    this.tokenOfSession.set(user.sessionId.toHexString(), tokenHash);
  }

  /** Forgets a session at once (its id in hex): the next request reads the database again. */
  revoke(sessionId: string): void {
    this.revocations += 1;
    const tokenHash = this.tokenOfSession.get(sessionId);
    if (tokenHash === undefined) return;
    const entry = this.entries.get(tokenHash);
    if (entry) this.remove(tokenHash, entry);
    else this.tokenOfSession.delete(sessionId);
  }

  /**
   * Forgets every session of a person (their id in hex) whose memberships or roles changed, so
   * that the next request reads them again. Rare (the Secretariat's doing): a scan is enough.
   */
  forgetUser(userId: string): void {
    this.revocations += 1;
    for (const [tokenHash, entry] of [...this.entries]) {
      if (entry.user.id === userId) this.remove(tokenHash, entry);
    }
  }

  clear(): void {
    this.revocations += 1;
    this.entries.clear();
    this.tokenOfSession.clear();
  }

  private remove(tokenHash: string, entry: Entry): void {
    this.entries.delete(tokenHash);
    this.tokenOfSession.delete(entry.user.sessionId.toHexString());
  }
}

/** The cache `authenticate` uses: 30 s is the longest another instance may lag on a revocation it missed. */
export const sessionCache = new SessionCache({ ttlMs: 30_000, maxEntries: 10_000 });
