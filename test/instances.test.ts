import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import Redis from 'ioredis';
import { MongoClient, ObjectId } from 'mongodb';
import WebSocket from 'ws';
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

const PASSWORD = 'instances-test-password-1540';

describe('two server instances sharing the database and Redis', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let redis: { url: string; stop(): Promise<void> };
  const servers: ServerProcess[] = [];
  const editors: Editor[] = [];
  let token: string;
  let draftId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-instances-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
    redis = await startRedis(await freeLoopbackPort());
    const env = { MONGODB_URI: db.uri('committee'), REDIS_URL: redis.url, SEED_PASSWORD: PASSWORD };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    token = (
      await gql<{ login: { token: string } }>(
        servers[0].url,
        `mutation { login(email: "delegate@committee.test", password: "${PASSWORD}") { token } }`,
      )
    ).login.token;
    const { drafts } = await gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
      servers[1].url,
      '{ drafts { id workingGroup { number } } }',
      {},
      token,
    );
    draftId = drafts.find((d) => d.workingGroup.number === 2)!.id;
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries edits from A to B and from B to A, with one gapless sequence', async () => {
    const [a, b] = [
      connectEditor(servers[0].url, token, draftId, { awareness: true }),
      connectEditor(servers[1].url, token, draftId, { awareness: true }),
    ];
    editors.push(a, b);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
    addParagraph(a.doc, 'Written on instance A.');
    await until(() => contentOf(b.doc).includes('Written on instance A.'), 5000, 'A to B');
    addParagraph(b.doc, 'Written on instance B.');
    await until(() => contentOf(a.doc).includes('Written on instance B.'), 5000, 'B to A');

    // Both instances write the same draft at once: they contend for sequence numbers.
    for (let i = 0; i < 60; i += 1) {
      firstParagraphText(a.doc)!.insert(0, `a${i} `);
      firstParagraphText(b.doc)!.insert(0, `b${i} `);
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all([a.provider.whenAcknowledged(), b.provider.whenAcknowledged()]);
    await until(() => contentOf(a.doc) === contentOf(b.doc), 10000, 'convergence across instances');

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
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      // Each editor learns that the last edits are stored through its own instance's stream (the
      // other instance's through Redis): a moment after the text has converged.
      await until(
        () => a.provider.seq === seqs.length && b.provider.seq === seqs.length,
        10000,
        `both editors at the last seq (${seqs.length})`,
      );
    } finally {
      await mongo.close();
    }

    a.awareness.setLocalState({ user: { name: 'On A', color: '#d62728' } });
    await until(
      () =>
        (b.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)
          ?.user?.name === 'On A',
      5000,
      'presence across instances',
    );
  });

  it('delivers a comment posted on A to a subscriber on B', async () => {
    const { meetings } = await gql<{ meetings: { agenda: { id: string }[] }[] }>(
      servers[0].url,
      '{ meetings(month: "2020-06") { agenda { id } } }',
      {},
      token,
    );
    const itemId = meetings[0].agenda[0].id;
    const client = createClient({
      url: `${servers[1].url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const received = new Promise<string>((resolve, reject) => {
      client.subscribe<{ commentAdded: { body: string } }>(
        {
          query: 'subscription($t: ID!) { commentAdded(targetId: $t) { body } }',
          variables: { t: itemId },
        },
        {
          next: ({ data }) => data && resolve(data.commentAdded.body),
          error: reject,
          complete: () => undefined,
        },
      );
    });
    // graphql-ws acknowledges no subscription: B's SUBSCRIBE to the comment channel, seen in Redis, does.
    const probe = new Redis(redis.url);
    const channel = `committee:COMMENT_ADDED:${itemId}`;
    await until(async () => ((await probe.pubsub('NUMSUB', channel)) as [string, number])[1] > 0);
    probe.disconnect();
    await gql(
      servers[0].url,
      'mutation($t: ID!) { addComment(input: { targetId: $t, body: "Posted on A" }) { id } }',
      { t: itemId },
      token,
    );
    await expect(received).resolves.toBe('Posted on A');
    await Promise.resolve(client.dispose()).catch(() => undefined);
  });
  it('counts failed sign-ins to one account on every instance together', async () => {
    const login = (server: ServerProcess, password: string) =>
      gql<{ login: { token: string } }>(
        server.url,
        'mutation($p: String!) { login(email: "observer@committee.test", password: $p) { token } }',
        { p: password },
      ).then(
        () => 'signed in',
        (err: Error) => err.message,
      );
    // Ten wrong guesses, spread over the two instances: five each, under either's own limit.
    for (let i = 0; i < 10; i += 1)
      expect(await login(servers[i % 2], `wrong guess ${i}`)).toContain('INVALID_CREDENTIALS');
    // Either now refuses even the right password until the window has passed.
    for (const server of servers)
      expect(await login(server, PASSWORD)).toContain('TOO_MANY_ATTEMPTS');
  });
});
