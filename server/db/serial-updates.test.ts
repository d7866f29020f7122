import mongoose from 'mongoose';
import { startTestPlatform, type TestPlatform } from '../../test/helpers/test-platform';

describe('updates to the embedded database', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('keeps every one of many updates sent at once to one document', async () => {
    // Sent together over the connection pool, as concurrent requests do: FerretDB reads and
    // rewrites the whole document for each, and without one-at-a-time sending kept a quarter.
    const c = mongoose.connection.db!.collection<{ items: number[]; n: number }>('serialupdates');
    const { insertedId } = await c.insertOne({ items: [], n: 0 });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        c.updateOne({ _id: insertedId }, { $push: { items: i }, $inc: { n: 1 } }),
      ),
    );
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        c.findOneAndUpdate({ _id: insertedId }, { $push: { items: 100 + i }, $inc: { n: 1 } }),
      ),
    );
    const doc = await c.findOne({ _id: insertedId });
    expect(doc!.n).toBe(50);
    expect([...doc!.items].sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 40 }, (_, i) => i),
      ...Array.from({ length: 10 }, (_, i) => 100 + i),
    ]);
  });
});
