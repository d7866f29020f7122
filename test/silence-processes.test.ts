import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { freeLoopbackPort } from '../server/db/free-port';
import { gql, ServerProcess, startRedis, startServerProcess } from './helpers/server-process';
import { until } from './helpers/wait';

const PASSWORD = 'silence-test-password-1540';
const START =
  'mutation($d: ID!, $u: DateTimeISO!) { startSilence(draftId: $d, until: $u) { state until } }';
const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const DRAFT = 'query($d: ID!) { draft(id: $d) { status silence { state } } }';

/** A Yjs update appending a paragraph, as an editor would send it. */
function paragraph(text: string): string {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([p]);
  return Buffer.from(update).toString('base64');
}

/** The error code of an edit sent over HTTP, or 'stored'. */
async function edit(url: string, token: string, draftId: string, text: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: APPLY, variables: { d: draftId, u: paragraph(text) } }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code ?? 'stored';
}

interface Draft {
  status: string;
  silence: { state: string } | null;
}

/**
 * The deadline of a silence is honoured exactly once by real server processes: across a kill -9
 * before it and a restart after it, and across two instances sharing the database and Redis.
 */
describe('silence deadlines across restarts and instances', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let mongo: MongoClient;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;

  const login = async (url: string) =>
    (
      await gql<{ login: { token: string } }>(
        url,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: 'chair@committee.test', p: PASSWORD },
      )
    ).login.token;
  const draftOfGroup = async (url: string, token: string, number: number) => {
    const { drafts } = await gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
      url,
      '{ drafts { id workingGroup { number } } }',
      {},
      token,
    );
    return drafts.find((d) => d.workingGroup.number === number)!.id;
  };
  /** What the database holds of the adoption: how many times it was recorded, in each place. */
  const adoptions = async (draftId: string) => {
    const d = mongo.db();
    const draft = await d.collection('drafts').findOne({ _id: new ObjectId(draftId) });
    return {
      status: draft?.status as string,
      statusChanges: ((draft?.statusHistory ?? []) as { status: string }[]).filter(
        (s) => s.status === 'ADOPTED',
      ).length,
      decisions: await d
        .collection('draftdecisions')
        .countDocuments({ draftId: new ObjectId(draftId), kind: 'SILENCE_ADOPTED' }),
      outcomes: await d
        .collection('silenceoutcomes')
        .countDocuments({ draftId: new ObjectId(draftId) }),
      versions: await d
        .collection('draftversions')
        .countDocuments({ draftId: new ObjectId(draftId), label: 'Adopted text' }),
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-silence-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
    mongo = new MongoClient(db.uri('committee'));
    env = {
      MONGODB_URI: db.uri('committee'),
      SEED_PASSWORD: PASSWORD,
      SILENCE_SWEEP_MS: '200',
    };
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await mongo.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adopts once when the server is killed (-9) before the deadline and restarted after it', async () => {
    const first = await startServerProcess(env);
    servers.push(first);
    const token = await login(first.url);
    const draftId = await draftOfGroup(first.url, token, 3);
    const deadline = new Date(Date.now() + 3_000);
    await gql(first.url, START, { d: draftId, u: deadline.toISOString() }, token);
    await first.stop('SIGKILL');
    // Down across the deadline.
    await new Promise((r) => setTimeout(r, deadline.getTime() - Date.now() + 1_000));
    expect((await adoptions(draftId)).status).not.toBe('ADOPTED');
    const second = await startServerProcess(env);
    servers.push(second);
    // Settled at start: adopted by the time it answers a little later.
    await until(
      async () =>
        (await gql<{ draft: Draft }>(second.url, DRAFT, { d: draftId }, await login(second.url)))
          .draft.status === 'ADOPTED',
      10_000,
      'the adoption at start',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await adoptions(draftId)).toEqual({
      status: 'ADOPTED',
      statusChanges: 1,
      decisions: 1,
      outcomes: 1,
      versions: 1,
    });
    await second.stop();
  });

  it('adopts once with two instances over Redis, both watching the deadline', async () => {
    const redis = await startRedis(await freeLoopbackPort());
    try {
      const withRedis = { ...env, REDIS_URL: redis.url };
      const [a, b] = [await startServerProcess(withRedis), await startServerProcess(withRedis)];
      servers.push(a, b);
      const token = await login(a.url);
      const draftId = await draftOfGroup(a.url, token, 4);
      // B has the draft loaded (its edit check keeps a copy of its state)...
      expect(await edit(b.url, token, draftId, 'Written on B.')).toBe('stored');
      const deadline = new Date(Date.now() + 3_000);
      await gql(a.url, START, { d: draftId, u: deadline.toISOString() }, token);
      // ...and hears through Redis that the text is locked.
      await until(
        async () => (await edit(b.url, token, draftId, 'Under silence on B.')) === 'UNDER_SILENCE',
        2_000,
        'the lock on B',
      );
      // B found it at its next sweep and keeps a timer for it too: both reach the deadline.
      await until(
        async () =>
          (await gql<{ draft: Draft }>(b.url, DRAFT, { d: draftId }, token)).draft.status ===
          'ADOPTED',
        10_000,
        'the adoption, seen on B',
      );
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await adoptions(draftId)).toEqual({
        status: 'ADOPTED',
        statusChanges: 1,
        decisions: 1,
        outcomes: 1,
        versions: 1,
      });
      // The one that lost the claim said nothing wrong.
      for (const s of [a, b]) expect(s.output()).not.toMatch(/could not settle/);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await redis.stop();
    }
  });
});
