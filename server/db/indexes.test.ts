import { readdirSync } from 'node:fs';
import path from 'node:path';
import mongoose, { Schema } from 'mongoose';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import { ensureIndexes } from './indexes';

interface StoredIndex {
  key: Record<string, unknown>;
  unique?: boolean;
}

const serverDir = path.join(__dirname, '..');
const modelFiles = readdirSync(serverDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.model.ts'))
  .map((f) => path.join(serverDir, f));

/** What listIndexes should show for each index the model's schema declares. */
function declared(schema: Pick<Schema, 'indexes'>): StoredIndex[] {
  return schema
    .indexes()
    .map(([key, options]) => ({ key: { ...key }, unique: options.unique === true }));
}

async function stored(collection: mongoose.Collection): Promise<StoredIndex[]> {
  const indexes = (await collection.listIndexes().toArray()) as StoredIndex[];
  return indexes.map((i) => ({ key: { ...i.key }, unique: i.unique === true }));
}

describe('indexes', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  it('start-up registers every model module before building indexes', async () => {
    const atStart = mongoose.modelNames().sort();
    for (const file of modelFiles) await import(file);
    // A model module that server/db/models.ts does not import would appear only now.
    expect(mongoose.modelNames().sort()).toEqual(atStart);
    expect(atStart.length).toBeGreaterThanOrEqual(modelFiles.length);
  });

  it('every declared index of every registered model exists in the database, uniqueness included', async () => {
    for (const name of mongoose.modelNames()) {
      const model = mongoose.model(name);
      const have = await stored(model.collection);
      for (const want of declared(model.schema)) {
        expect({
          model: name,
          index: have.find((i) => JSON.stringify(i.key) === JSON.stringify(want.key)) ?? null,
        }).toEqual({ model: name, index: want });
      }
    }
  });

  it('covers a model registered later, with no list to update', async () => {
    const schema = new Schema({ ref: String, n: Number });
    schema.index({ ref: 1, n: 1 }, { unique: true });
    const Late = mongoose.model('IndexTestLate', schema);
    try {
      await ensureIndexes();
      expect(await stored(Late.collection)).toContainEqual({ key: { ref: 1, n: 1 }, unique: true });
    } finally {
      await Late.collection.drop().catch(() => undefined);
      mongoose.deleteModel('IndexTestLate');
    }
  });
});
