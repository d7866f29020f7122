import { Types } from 'mongoose';
import * as Y from 'yjs';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import { compactDraft } from './compaction';
import { readLog } from './document-state';

describe('reading a draft log while it is compacted', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  it('yields the whole document when a compaction deletes entries under the reader', async () => {
    const draftId = new Types.ObjectId(await draftOf(2));
    const doc = new Y.Doc();
    const text = doc.getText('body');
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 700; i += 1) text.insert(text.length, `${i % 10}`);
    await Promise.all(
      updates.map((update) =>
        t.platform.app.collab.log.append(draftId, {
          update,
          clientId: 'reader-test',
          userId: null,
        }),
      ),
    );

    const reader = readLog(draftId, 0);
    const seen: Uint8Array[] = [(await reader.next()).value!.update];
    // The reader has begun; compaction now deletes every entry of the log.
    const compacted = await compactDraft(draftId);
    expect(compacted.compacted).toBe(true);
    // Depending on how much the database cursor had buffered, the rest comes from the log or from
    // the new snapshot; either way nothing may be missing.
    for await (const entry of reader) seen.push(entry.update);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.mergeUpdates(seen));
    expect(copy.getText('body').toString()).toBe(text.toString());
  });
});
