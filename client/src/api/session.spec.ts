import { describe, expect, it, vi } from 'vitest';

const user = { id: 'u1', name: 'Chair' };

describe('session', () => {
  it('drops a stored session that has expired and says why', async () => {
    localStorage.setItem(
      'committee.session',
      JSON.stringify({ token: 't', expiresAt: '2000-01-01T00:00:00Z', user }),
    );
    vi.resetModules();
    const { session } = await import('./session');
    expect(session.get()).toBeNull();
    expect(session.reason()).toBe('expired');
    expect(localStorage.getItem('committee.session')).toBeNull();
  });

  it('keeps a valid session across reloads and forgets it on sign-out', async () => {
    vi.resetModules();
    const first = await import('./session');
    const seen: (string | null)[] = [];
    first.session.subscribe(() => seen.push(first.session.get()?.token ?? null));
    first.session.start({
      token: 'abc',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user,
    });
    vi.resetModules();
    const reloaded = await import('./session');
    expect(reloaded.session.get()?.user.name).toBe('Chair');
    first.session.end('signedOut');
    expect(seen).toEqual(['abc', null]);
    expect(first.session.reason()).toBe('signedOut');
    expect(localStorage.getItem('committee.session')).toBeNull();
  });
});
