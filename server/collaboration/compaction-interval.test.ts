import { Types } from 'mongoose';
import * as Y from 'yjs';
import {
  addParagraph,
  connectEditor,
  contentOf,
  type Editor,
  typeAcknowledged,
  until,
} from '../../test/helpers/editors';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, type TestPlatform } from '../../test/helpers/test-platform';
import { loadState } from './document-state';

const INTERVAL_MS = 10_000;

describe('compaction under heavy typing', () => {
  let t: TestPlatform;
  let editor: Editor;
  beforeAll(async () => {
    t = await startTestPlatform({
      COMPACT_EVERY: '10',
      COMPACT_MIN_INTERVAL_MS: String(INTERVAL_MS),
      // Each edit stored and acknowledged at once: the log grows by one entry per edit, fast.
      COMMIT_INTERVAL_MS: '0',
    });
  });
  afterAll(async () => {
    await editor?.close();
    await t.stop();
  });

  it('runs at most once per interval, later without waiting for another edit, and at once when the log is ten times the bound', async () => {
    const draftId = await draftOf(1);
    const compactedAt: number[] = [];
    const observe = t.platform.app.collab.use({
      name: 'observe-compactions',
      onCompacted: (id, result) => {
        if (id === draftId && result.compacted) compactedAt.push(Date.now());
      },
    });
    const token = await t.login('delegate@committee.test');
    editor = connectEditor(t.url, token, draftId);
    try {
      await editor.provider.whenSynced();
      addParagraph(editor.doc, '');
      const type = (prefix: string, n: number) => typeAcknowledged(editor, prefix, n);

      // The first compaction runs as soon as the bound is reached; the edits after it wait.
      const started = Date.now();
      await type('a', 12);
      await until(() => compactedAt.length >= 1, 15_000, 'the first compaction');
      await type('b', 12);
      // No edit after these: the compaction they are due comes once the interval has passed.
      await until(() => compactedAt.length >= 2, INTERVAL_MS + 15_000, 'the deferred compaction');
      // Queued no earlier than the interval after the first, itself queued after `started`.
      expect(compactedAt[1] - started).toBeGreaterThanOrEqual(INTERVAL_MS);

      // Ten times the bound typed right after: compacted without waiting out the interval, which
      // ends no earlier than two intervals after `started`.
      await type('c', 105);
      await until(() => compactedAt.length >= 3, 2 * INTERVAL_MS, 'the overdue compaction');
      expect(compactedAt[2] - started).toBeLessThan(2 * INTERVAL_MS);

      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await loadState(new Types.ObjectId(draftId))).state);
      expect(contentOf(stored)).toBe(contentOf(editor.doc));
    } finally {
      observe();
    }
  }, 60_000);
});
