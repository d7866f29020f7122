import * as Y from 'yjs';
import { mergeUpdatesOffThread, stopMergeThread } from './merge-off-thread';

/** A document typed into in many small updates, as a draft's log holds them. */
function log(updates: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < updates; i += 1) text.insert(text.length, `word ${i} of the draft `);
  return out;
}

describe('mergeUpdatesOffThread', () => {
  afterAll(() => stopMergeThread());

  it('gives what Y.mergeUpdates gives, for a small log here and a large one on the thread', async () => {
    for (const n of [3, 3000]) {
      const updates = log(n);
      const merged = await mergeUpdatesOffThread(updates);
      expect(Buffer.from(merged).equals(Buffer.from(Y.mergeUpdates(updates)))).toBe(true);
    }
  });

  it('leaves the event loop free while a large log is merged', async () => {
    const updates = log(3000);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    await mergeUpdatesOffThread(updates);
    clearInterval(timer);
    const elapsed = performance.now() - started;
    // Merged here, not one tick would run until the merge ended.
    expect(ticks).toBeGreaterThan(Math.min(3, elapsed / 10));
  });

  it('rejects updates that do not decode, and merges again afterwards', async () => {
    const garbage = Array.from({ length: 100 }, () => new Uint8Array(1024).fill(255));
    await expect(mergeUpdatesOffThread(garbage)).rejects.toThrow(/merging updates failed/);
    const updates = log(3000);
    expect((await mergeUpdatesOffThread(updates)).byteLength).toBeGreaterThan(0);
  });
});
