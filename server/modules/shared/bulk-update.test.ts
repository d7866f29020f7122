import { Types } from 'mongoose';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { DraftActivityModel } from '../../collaboration/activity.model';
import { bulkUpdate, UPDATE_STATEMENTS_PER_COMMAND } from './bulk-update';

describe('bulkUpdate', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  // In one command, these statements hung the embedded database for good (see bulk-update.ts).
  it('writes three times the statements one command may hold, each once', async () => {
    const draftId = new Types.ObjectId();
    const days = Array.from({ length: 3 * UPDATE_STATEMENTS_PER_COMMAND }, (_, i) =>
      new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const ops = days.map((day, i) => ({
      updateOne: {
        filter: { draftId, day },
        update: { $inc: { edits: i + 1 } },
        upsert: true,
      },
    }));
    await bulkUpdate(DraftActivityModel, ops);
    await bulkUpdate(DraftActivityModel, ops);
    const stored = await DraftActivityModel.find({ draftId }).sort({ day: 1 }).lean();
    expect(stored.map((a) => [a.day, a.edits])).toEqual(days.map((day, i) => [day, 2 * (i + 1)]));
  }, 20_000);
});
