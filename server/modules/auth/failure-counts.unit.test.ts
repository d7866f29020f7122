import { MemoryFailureCounts } from './failure-counts';

describe('failed sign-ins counted in this process', () => {
  it('counts in a window that starts with the first failure, and forgets it after', async () => {
    const counts = new MemoryFailureCounts(200);
    expect(await counts.read('account:a')).toBeNull();
    await counts.add('account:a');
    await counts.add('account:a');
    const state = await counts.read('account:a');
    expect(state?.count).toBe(2);
    expect(state!.resetInMs).toBeGreaterThan(0);
    expect(state!.resetInMs).toBeLessThanOrEqual(200);
    await new Promise((r) => setTimeout(r, 250));
    expect(await counts.read('account:a')).toBeNull();
    await counts.add('account:a');
    expect((await counts.read('account:a'))?.count).toBe(1);
  });

  it('forgets a key on success, and the oldest key past its bound', async () => {
    const counts = new MemoryFailureCounts(60_000, 2);
    await counts.add('a');
    await counts.add('b');
    await counts.forget('a');
    expect(await counts.read('a')).toBeNull();
    await counts.add('c');
    await counts.add('d');
    expect(await counts.read('b')).toBeNull();
    expect((await counts.read('d'))?.count).toBe(1);
  });
});
