import { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { SessionCache } from './session-cache';

const T0 = 1_000_000;

function person(expiresAt = T0 + 3_600_000): AuthUser {
  const _id = new Types.ObjectId();
  return {
    id: _id.toHexString(),
    _id,
    name: 'A. Delegate',
    email: 'delegate@committee.test',
    roles: [],
    delegationId: null,
    workingGroupIds: [],
    sessionId: new Types.ObjectId(),
    sessionExpiresAt: new Date(expiresAt),
  };
}

describe('the session cache', () => {
  it('keeps a session for its TTL, then forgets it', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 10 });
    const user = person();
    cache.set('h', user, cache.epoch(), T0);
    expect(cache.get('h', T0 + 29_999)).toBe(user);
    expect(cache.get('h', T0 + 30_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('never outlives the session itself', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 10 });
    cache.set('h', person(T0 + 5_000), cache.epoch(), T0);
    expect(cache.get('h', T0 + 4_999)).not.toBeNull();
    expect(cache.get('h', T0 + 5_000)).toBeNull();
    cache.set('gone', person(T0), cache.epoch(), T0);
    expect(cache.size).toBe(0);
  });

  it('drops a revoked session at once, by its id', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 10 });
    const revoked = person();
    const kept = person();
    cache.set('a', revoked, cache.epoch(), T0);
    cache.set('b', kept, cache.epoch(), T0);
    cache.revoke(revoked.sessionId.toHexString());
    expect(cache.get('a', T0)).toBeNull();
    expect(cache.get('b', T0)).toBe(kept);
    cache.revoke(new Types.ObjectId().toHexString()); // unknown here: nothing to do
    expect(cache.size).toBe(1);
  });

  it("forgets every session of a person whose groups changed, and none of anyone else's", () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 10 });
    const phone = person();
    const laptop = { ...person(), id: phone.id, _id: phone._id };
    const other = person();
    cache.set('phone', phone, cache.epoch(), T0);
    cache.set('laptop', laptop, cache.epoch(), T0);
    cache.set('other', other, cache.epoch(), T0);
    const epoch = cache.epoch(); // a read of the person started before the change…
    cache.forgetUser(phone.id);
    expect(cache.get('phone', T0)).toBeNull();
    expect(cache.get('laptop', T0)).toBeNull();
    expect(cache.get('other', T0)).toBe(other);
    cache.set('phone', phone, epoch, T0); // …is not kept: it may hold the old groups
    expect(cache.size).toBe(1);
  });

  it('does not keep what was read before a revocation that came in meanwhile', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 10 });
    const user = person();
    const epoch = cache.epoch(); // the database read starts…
    cache.revoke(user.sessionId.toHexString()); // …the session is revoked…
    cache.set('h', user, epoch, T0); // …and the read comes back with it
    expect(cache.get('h', T0)).toBeNull();
    cache.set('h', user, cache.epoch(), T0); // a later read would not find it; if it did, kept
    expect(cache.get('h', T0)).toBe(user);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 2 });
    const [a, b, c] = [person(), person(), person()];
    cache.set('a', a, cache.epoch(), T0);
    cache.set('b', b, cache.epoch(), T0);
    expect(cache.get('a', T0)).toBe(a); // b is now the least recently used
    cache.set('c', c, cache.epoch(), T0);
    expect(cache.size).toBe(2);
    expect(cache.get('b', T0)).toBeNull();
    expect(cache.get('a', T0)).toBe(a);
    expect(cache.get('c', T0)).toBe(c);
    // The evicted session's id no longer points anywhere.
    cache.revoke(b.sessionId.toHexString());
    expect(cache.size).toBe(2);
  });

  it('replaces an entry stored again under the same token', () => {
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 2 });
    const first = person();
    const again = { ...first, name: 'Renamed' };
    cache.set('h', first, cache.epoch(), T0);
    cache.set('h', again, cache.epoch(), T0 + 10_000);
    expect(cache.size).toBe(1);
    expect(cache.get('h', T0 + 35_000)).toBe(again);
  });
});
