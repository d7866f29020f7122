import { Types } from 'mongoose';
import type { CompactionResult } from './compaction';
import { CompactionTrigger } from './compaction-trigger';
import type { StoredUpdate } from './update-log';

const EVERY = 10;
const INTERVAL_MS = 5_000;

/** A trigger over a layer that records what it compacts; the draft's log starts empty. */
function setup() {
  const compacted: string[] = [];
  const state = { compacting: false };
  const trigger = new CompactionTrigger(
    {
      hold: () => () => undefined,
      isCompacting: () => state.compacting,
      compact: async (draftId): Promise<CompactionResult> => {
        compacted.push(draftId.toHexString());
        return { compacted: true, seq: 0, merged: 0, from: 'log' };
      },
    },
    EVERY,
    INTERVAL_MS,
    async () => 0,
  );
  const draftId = new Types.ObjectId();
  let seq = 0;
  const store = (n: number) => {
    const stored: StoredUpdate[] = Array.from({ length: n }, (_, i) => ({
      seq: seq + i + 1,
      update: new Uint8Array([0, 0]),
      clientId: null,
      userId: null,
    }));
    seq += n;
    trigger.onStored(draftId, stored);
  };
  return { trigger, compacted, state, store, id: draftId.toHexString() };
}

describe('when a draft’s log is compacted', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('compacts at the bound, defers the next one to the interval, and runs it then without another edit', async () => {
    const { trigger, compacted, store, id } = setup();
    store(EVERY);
    await jest.advanceTimersByTimeAsync(0);
    expect(compacted).toEqual([id]);
    store(EVERY);
    await jest.advanceTimersByTimeAsync(INTERVAL_MS - 1);
    expect(compacted).toEqual([id]);
    await jest.advanceTimersByTimeAsync(1);
    expect(compacted).toEqual([id, id]);
    trigger.onDestroy();
  });

  it('looks again soon when the deferred one finds the draft being compacted by another path (a version)', async () => {
    const { trigger, compacted, state, store, id } = setup();
    store(EVERY);
    await jest.advanceTimersByTimeAsync(0);
    store(EVERY);
    state.compacting = true;
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(compacted).toEqual([id]);
    expect(trigger.stats().compactionsDeferred).toBe(1);
    state.compacting = false;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(compacted).toEqual([id, id]);
    expect(trigger.stats().compactionsDeferred).toBe(0);
    trigger.onDestroy();
  });
});
