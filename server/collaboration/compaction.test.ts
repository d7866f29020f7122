import { Types } from 'mongoose';
import * as Y from 'yjs';
import {
  addParagraph,
  connectEditor,
  contentOf,
  Editor,
  firstParagraphText,
  typeAcknowledged,
  until,
} from '../../test/helpers/editors';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import type { CompactionResult } from './compaction';
import { loadState } from './document-state';
import { DraftSnapshotModel } from './snapshot.model';
import { DraftUpdateModel } from './update.model';

const contentOfState = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return contentOf(doc);
};

describe('compaction', () => {
  let t: TestPlatform;
  let token: string;
  const editors: Editor[] = [];
  beforeAll(async () => {
    // Compact every 10 stored updates, so that live editing compacts many times.
    t = await startTestPlatform({ COMPACT_EVERY: '10' });
    token = await t.login('delegate@committee.test');
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('runs during live editing without losing an edit, and late joiners load snapshot plus log', async () => {
    const draftId = await draftOf(1);
    const a = connectEditor(t.url, token, draftId);
    const b = connectEditor(t.url, token, draftId);
    editors.push(a, b);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
    addParagraph(a.doc, '');
    await until(() => firstParagraphText(b.doc) !== undefined);
    for (let i = 0; i < 150; i += 1) {
      const editor = i % 2 === 0 ? a : b;
      firstParagraphText(editor.doc)!.insert(0, `${i} `);
      // Acknowledged one by one at times, so that the log grows past the bound many times over.
      if (i % 3 === 0) await editor.provider.whenAcknowledged();
    }
    await Promise.all([a.provider.whenAcknowledged(), b.provider.whenAcknowledged()]);
    await until(() => contentOf(a.doc) === contentOf(b.doc), 10000, 'convergence');

    const id = new Types.ObjectId(draftId);
    const stored = (await loadState(id)).seq;
    expect(stored).toBeGreaterThan(40);
    // Each compaction waits for the history of what it merges to be written: on a loaded
    // machine the last one may take a few seconds.
    let snapshotSeq = 0;
    for (let i = 0; i < 300 && snapshotSeq < stored - 10; i += 1) {
      snapshotSeq = (await DraftSnapshotModel.findById(id).lean())?.seq ?? 0;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(snapshotSeq).toBeGreaterThanOrEqual(stored - 10);
    expect(await DraftUpdateModel.countDocuments({ draftId: id })).toBeLessThan(stored);
    expect(contentOfState((await loadState(id)).state)).toBe(contentOf(a.doc));

    const late = connectEditor(t.url, token, draftId);
    editors.push(late);
    await late.provider.whenSynced();
    expect(contentOf(late.doc)).toBe(contentOf(a.doc));
    for (let i = 0; i < 150; i += 1)
      expect(firstParagraphText(late.doc)!.toString()).toContain(`${i} `);
  });

  it.each([
    ['after-merge', 3],
    ['after-snapshot', 4],
  ] as const)(
    'loses nothing when it crashes %s, and the next run finishes the job',
    async (step, group) => {
      // Fewer updates than the automatic bound, so only this test compacts this draft.
      const draftId = new Types.ObjectId(await draftOf(group));
      const coordinator = await t.login('chair@committee.test');
      const editor = connectEditor(t.url, coordinator, draftId.toHexString());
      editors.push(editor);
      await editor.provider.whenSynced();
      for (let i = 0; i < 6; i += 1) {
        addParagraph(editor.doc, `Recommendation ${i} (${step})`);
        await editor.provider.whenAcknowledged();
      }
      const before = await loadState(draftId);
      const reached: string[] = [];
      const crash = t.platform.app.collab.use({
        name: 'crash-at-step',
        onCompactionStep: (id, at) => {
          if (id !== draftId.toHexString()) return;
          reached.push(at);
          if (at === step) throw new Error(`compaction stopped ${at}`);
        },
      });
      try {
        await expect(t.platform.app.collab.compact(draftId)).rejects.toThrow(/stopped/);
      } finally {
        crash();
      }
      expect(reached).toEqual(
        step === 'after-merge' ? ['after-merge'] : ['after-merge', 'after-snapshot'],
      );
      const after = await loadState(draftId);
      expect(contentOfState(after.state)).toBe(contentOfState(before.state));
      expect(after.seq).toBe(before.seq);

      // A client that had seen part of the history catches up across the interrupted compaction.
      const partial = connectEditor(t.url, coordinator, draftId.toHexString());
      editors.push(partial);
      await partial.provider.whenSynced();
      expect(contentOf(partial.doc)).toBe(contentOf(editor.doc));

      const compacted: number[] = [];
      const observe = t.platform.app.collab.use({
        name: 'observe',
        onCompacted: (id, result) => id === draftId.toHexString() && compacted.push(result.seq),
      });
      const done = await t.platform.app.collab.compact(draftId).finally(observe);
      expect(compacted).toEqual([before.seq]);
      const logLeft = await DraftUpdateModel.countDocuments({ draftId });
      expect(logLeft).toBe(0);
      expect(contentOfState((await loadState(draftId)).state)).toBe(contentOf(editor.doc));
      expect(done.seq).toBe(before.seq);
    },
  );

  it('writes the document the history keeps, and reads the log back once that document misses an edit', async () => {
    const draftId = new Types.ObjectId(await draftOf(2));
    const results: CompactionResult[] = [];
    const observe = t.platform.app.collab.use({
      name: 'observe-sources',
      onCompacted: (id, result) => {
        if (id === draftId.toHexString() && result.compacted) results.push(result);
      },
    });
    const editor = connectEditor(t.url, token, draftId.toHexString());
    editors.push(editor);
    try {
      await editor.provider.whenSynced();
      addParagraph(editor.doc, '');
      const type = (prefix: string, n: number) => typeAcknowledged(editor, prefix, n);
      await type('m', 30);
      await until(
        () => results.some((r) => r.from === 'memory'),
        15_000,
        'a compaction from memory',
      );
      await until(() => !t.platform.app.collab.isCompacting(draftId.toHexString()));
      expect(contentOfState((await loadState(draftId)).state)).toBe(contentOf(editor.doc));

      // Another instance's edit, stored under the next seq: this one's document lacks it.
      const other = new Y.Doc();
      Y.applyUpdate(other, (await loadState(draftId)).state);
      let foreign: Uint8Array = new Uint8Array();
      other.on('update', (u: Uint8Array) => {
        foreign = u;
      });
      firstParagraphText(other)!.insert(0, 'elsewhere ');
      const [last] = await DraftUpdateModel.find({ draftId }).sort({ seq: -1 }).limit(1).lean();
      const snapshot = await DraftSnapshotModel.findById(draftId, { seq: 1 }).lean();
      const foreignSeq = Math.max(last?.seq ?? 0, snapshot?.seq ?? 0) + 1;
      await DraftUpdateModel.create({
        draftId,
        seq: foreignSeq,
        update: Buffer.from(foreign),
        createdAt: new Date(),
      });
      const before = results.length;
      await type('n', 25);
      await until(
        () => results.slice(before).some((r) => r.seq > foreignSeq),
        15_000,
        "a compaction past the other instance's edit",
      );
      await until(() => !t.platform.app.collab.isCompacting(draftId.toHexString()));
      for (const r of results.slice(before)) if (r.seq >= foreignSeq) expect(r.from).toBe('log');
      const text = contentOfState((await loadState(draftId)).state);
      expect(text).toContain('elsewhere ');
      for (let i = 0; i < 25; i += 1) expect(text).toContain(`n${i} `);
      for (let i = 0; i < 30; i += 1) expect(text).toContain(`m${i} `);
    } finally {
      observe();
    }
  });
});
