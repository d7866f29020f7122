import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { freeLoopbackPort } from '../server/db/free-port';
import {
  addParagraph,
  connectEditor,
  contentOf,
  Editor,
  firstParagraphText,
  until,
} from './helpers/editors';
import { gql, ServerProcess, startRedis, startServerProcess } from './helpers/server-process';

const PASSWORD = 'redis-faults-test-password-1540';
const OUTAGE_MS = 20_000;

describe('Redis stops for 20 s under two instances, and comes back', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let redisPort: number;
  let redis: { url: string; stop(): Promise<void> } | undefined;
  const servers: ServerProcess[] = [];
  const editors: Editor[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-redis-faults-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
    redisPort = await freeLoopbackPort();
    redis = await startRedis(redisPort);
    const env = { MONGODB_URI: db.uri('committee'), REDIS_URL: redis.url, SEED_PASSWORD: PASSWORD };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each instance keeps serving its own editors meanwhile; then all catch up and nothing is lost', async () => {
    const token = (
      await gql<{ login: { token: string } }>(
        servers[0].url,
        `mutation { login(email: "delegate@committee.test", password: "${PASSWORD}") { token } }`,
      )
    ).login.token;
    const { drafts } = await gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
      servers[0].url,
      '{ drafts { id workingGroup { number } } }',
      {},
      token,
    );
    const draftId = drafts.find((d) => d.workingGroup.number === 2)!.id;
    // Two editors on each instance.
    const [a1, a2, b1, b2] = [0, 0, 1, 1].map((s) => {
      const e = connectEditor(servers[s].url, token, draftId);
      editors.push(e);
      return e;
    });
    await Promise.all(editors.map((e) => e.provider.whenSynced()));
    addParagraph(a1.doc, 'Before the outage.');
    await until(
      () => editors.every((e) => contentOf(e.doc).includes('Before the outage.')),
      10_000,
      'the first paragraph everywhere',
    );

    await redis!.stop();
    redis = undefined;
    const stoppedAt = Date.now();
    const typed: string[] = [];
    let round = 0;
    // Through the outage: each instance relays its own editors' typing to each other at once.
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      const [wa, wb] = [`a${round}`, `b${round}`];
      firstParagraphText(a1.doc)!.insert(0, `${wa} `);
      firstParagraphText(b1.doc)!.insert(0, `${wb} `);
      typed.push(wa, wb);
      await until(
        () => contentOf(a2.doc).includes(`${wa} `) && contentOf(b2.doc).includes(`${wb} `),
        5000,
        `round ${round} relayed within each instance while Redis is down`,
      );
      round += 1;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Stored all along: the database does not need Redis.
    await Promise.all([a1.provider.whenAcknowledged(), b1.provider.whenAcknowledged()]);
    expect(round).toBeGreaterThan(10);
    // Nothing crossed between the instances meanwhile.
    expect(contentOf(a2.doc)).not.toContain('b0 ');

    redis = await startRedis(redisPort);
    await until(
      () => {
        const texts = editors.map((e) => contentOf(e.doc));
        return texts.every((t) => t === texts[0]) && typed.every((w) => texts[0].includes(`${w} `));
      },
      30_000,
      'every editor on both instances with every word typed during the outage',
    );
    // And live again across instances after it.
    addParagraph(b2.doc, 'After the outage, from B.');
    await until(
      () => contentOf(a1.doc).includes('After the outage, from B.'),
      10_000,
      'B to A once Redis is back',
    );

    const mongo = new MongoClient(db.uri('committee'));
    try {
      const seqs = (
        await mongo
          .db()
          .collection('draftupdates')
          .find({ draftId: new ObjectId(draftId) }, { projection: { seq: 1 } })
          .sort({ seq: 1 })
          .toArray()
      ).map((d) => d.seq as number);
      expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 1) + i));
    } finally {
      await mongo.close();
    }
    for (const s of servers) expect(s.child.exitCode).toBeNull();
  }, 120_000);
});
