import { useSyncExternalStore } from 'react';

export interface SessionUser {
  id: string;
  name: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** Why the person is on the sign-in page, to tell them. */
export type SignOutReason = 'expired' | 'signedOut' | null;

const KEY = 'committee.session';
const listeners = new Set<() => void>();
let reason: SignOutReason = null;
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    if (!parsed.token || !parsed.user || Date.parse(parsed.expiresAt) <= Date.now()) {
      if (parsed?.token) reason = 'expired';
      localStorage.removeItem(KEY);
      return null;
    }
    return parsed;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const l of listeners) l();
}

export const session = {
  get(): Session | null {
    return current;
  },
  reason(): SignOutReason {
    return reason;
  },
  start(next: Session): void {
    current = next;
    reason = null;
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Lives until the tab closes.
    }
    emit();
  },
  end(why: Exclude<SignOutReason, null>): void {
    if (!current) return;
    current = null;
    reason = why;
    try {
      localStorage.removeItem(KEY);
    } catch {
      // Nothing stored.
    }
    emit();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get);
}
