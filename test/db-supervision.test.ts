import net from 'node:net';
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { RequestError, request } from '../client/src/collab/graphql-request';
import { logger } from '../server/logger';
import {
  addParagraph,
  connectEditor,
  contentOf,
  Editor,
  firstParagraphText,
  until,
} from './helpers/editors';
import { alive } from './helpers/server-process';
import { startTestPlatform, subscribe, TestPlatform, Topic } from './helpers/test-platform';

const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';

describe('the embedded database dying under the server', () => {
  let t: TestPlatform;
  const editors: Editor[] = [];
  const drafts = new Map<number, string>();

  beforeAll(async () => {
    t = await startTestPlatform();
    const token = await t.login('chair@committee.test');
    const { data } = await t.gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
      '{ drafts { id workingGroup { number } } }',
      {},
      token,
    );
    for (const d of data!.drafts) drafts.set(d.workingGroup.number, d.id);
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  const health = async () => (await fetch(`${t.url}/healthz`)).status;
  const embedded = () => t.platform.db.embedded!;

  const storedText = async (
    draftId: string,
    token: string,
  ): Promise<{ content: string; doc: Y.Doc }> => {
    const { data, errors } = await t.gql<{ draft: { state: string } }>(
      'query($d: ID!) { draft(id: $d) { state } }',
      { d: draftId },
      token,
    );
    if (!data) throw new Error(JSON.stringify(errors));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(data.draft.state, 'base64'));
    return { content: contentOf(doc), doc };
  };

  it('restarts it by itself while two people type, losing nothing acknowledged, and both converge', async () => {
    const draftId = drafts.get(1)!;
    const tokens = [
      await t.login('delegate@committee.test'),
      await t.login('coordinator@committee.test'),
    ];
    const [a, b] = tokens.map((token) => connectEditor(t.url, token, draftId));
    editors.push(a, b);
    await Promise.all(editors.map((e) => e.provider.whenSynced()));
    addParagraph(a.doc, '');
    await until(
      () => firstParagraphText(b.doc) !== undefined,
      10000,
      'the paragraph reaching the second editor',
    );

    // Each insertion is a marker of its own, so every one can be looked for in the stored text.
    const typed: string[][] = [[], []];
    const typing = setInterval(() => {
      for (const [i, e] of [a, b].entries()) {
        const marker = `${'ab'[i]}${typed[i].length};`;
        firstParagraphText(e.doc)!.insert(0, marker);
        typed[i].push(marker);
      }
    }, 15);
    try {
      await until(
        () => a.provider.acknowledged.length >= 10 && b.provider.acknowledged.length >= 10,
        20000,
        'edits acknowledged before the crash',
      );
      const victim = embedded().pid!;
      const killedAt = Date.now();
      process.kill(victim, 'SIGKILL');
      await until(() => !alive(victim), 5000, 'the database process dying');

      // Nobody restarts anything here: the server has to bring its database back by itself.
      await until(async () => (await health()) === 200, 10000).catch(() => {
        throw new Error(
          `/healthz not 200 within 10 s of the kill (database pid now ${embedded().pid}, restarts ${embedded().restarts})`,
        );
      });
      const downFor = Date.now() - killedAt;
      expect(downFor).toBeLessThan(10000);
      // The driver may find the new process before the supervisor's own check of it has finished.
      await until(() => embedded().restarts === 1, 10000, 'the restart being recorded');
      expect(embedded().pid).not.toBe(victim);

      // Typing goes on after the return, and those edits are acknowledged too.
      const back = [a, b].map((e) => e.provider.acknowledged.length);
      await until(
        () =>
          a.provider.acknowledged.length >= back[0] + 10 &&
          b.provider.acknowledged.length >= back[1] + 10,
        20000,
        'edits acknowledged after the restart',
      );
    } finally {
      clearInterval(typing);
    }

    await Promise.all([a, b].map((e) => e.provider.whenAcknowledged()));
    const { content: stored, doc } = await storedText(draftId, tokens[0]);
    await until(
      () => contentOf(a.doc) === stored && contentOf(b.doc) === stored,
      15000,
      'both editors converging on the stored text',
    ).catch((err: Error) => {
      const state = [a, b].map((e) => ({
        seq: e.provider.seq,
        status: e.provider.status,
        synced: e.provider.synced,
        pending: e.provider.pending,
        retries: e.provider.retries,
      }));
      throw new Error(`${err.message}: ${JSON.stringify(state)}`);
    });
    for (const marker of typed.flat()) expect(stored).toContain(marker);
    // Every update the server acknowledged, before, during and after the outage, is in the stored document.
    const vector = Y.encodeStateVector(doc);
    for (const e of [a, b]) {
      for (const update of e.provider.acknowledged)
        expect(Y.decodeUpdate(Y.diffUpdate(update, vector)).structs).toHaveLength(0);
    }
  });

  it('answers edits with DATABASE_UNAVAILABLE while it cannot come back, over HTTP and WebSocket, then recovers', async () => {
    const draftId = drafts.get(2)!;
    const token = await t.login('delegate@committee.test');
    // Signed in but not used before the outage: its session is not in the server's cache yet.
    const unused = await t.login('coordinator@committee.test');
    const ws = t.ws(token);
    const edit = (text: string) => {
      const doc = new Y.Doc();
      addParagraph(doc, text);
      return toBase64(Y.encodeStateAsUpdate(doc));
    };
    // The socket is open before the outage and stays open, as an editor's does (its subscription holds it).
    const updates = subscribe(ws, 'subscription($d: ID!) { draftUpdates(draftId: $d) { seq } }', {
      d: draftId,
    });
    expect(
      (
        await request<{ applyDraftUpdate: { seq: number } }>(ws, APPLY, {
          d: draftId,
          u: edit('before'),
        })
      ).applyDraftUpdate.seq,
    ).toBeGreaterThan(0);

    // An editor whose socket is open before the outage (another subscription holds it) and whose
    // draft stream begins during it: the server refuses that stream, and the editor must ask again.
    const late = connectEditor(t.url, token, draftId, { deferStart: true });
    editors.push(late);
    const holder = subscribe(
      late.provider.client,
      'subscription($d: ID!) { draftStatusChanged(draftId: $d) { id } }',
      { d: draftId },
    );
    await until(
      () => t.listeners(Topic.DraftStatusChanged, draftId) > 0,
      5000,
      'the late editor being connected',
    );
    const refusals: string[] = [];
    late.provider.on('error', (err: RequestError) => refusals.push(err.code));

    const restarted = jest.spyOn(logger, 'info');
    const failed = jest.spyOn(logger, 'error');
    const port = Number(new URL(embedded().uri('x')).port);
    const victim = embedded().pid!;
    process.kill(victim, 'SIGKILL');
    // Something else takes the database's port as soon as it is free (the first restart comes
    // 100 ms or more after the exit), so the restarts fail until it lets go: an outage long enough
    // to be seen, with the real server and driver.
    await until(() => !alive(victim), 5000, 'the database process dying');
    const squatter = net.createServer((socket) => socket.destroy());
    const listen = () =>
      new Promise<boolean>((resolve) => {
        const refused = () => resolve(false);
        squatter.once('error', refused);
        squatter.listen(port, '127.0.0.1', () => {
          squatter.off('error', refused);
          resolve(true);
        });
      });
    await until(listen, 2000);
    try {
      expect(await health()).toBe(503);
      let started = Date.now();
      const http = await t.gql(APPLY, { d: draftId, u: edit('over HTTP') }, token);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(http.status).toBe(503);
      expect(http.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(http.errors?.[0].message).toBe('The database is not answering; try again shortly.');

      started = Date.now();
      const overSocket = await request(ws, APPLY, { d: draftId, u: edit('over the socket') }).then(
        () => null,
        (err: RequestError) => err,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(overSocket?.code).toBe('DATABASE_UNAVAILABLE');
      expect(overSocket?.retryable).toBe(true);

      // A socket opening meanwhile whose session cannot be read is told to come back later, not signed out.
      const fresh = await request(t.ws(unused), APPLY, {
        d: draftId,
        u: edit('from a new socket'),
      }).then(
        () => null,
        (err: RequestError) => err,
      );
      expect(fresh?.code).toBe('NETWORK');
      expect(fresh?.message).toMatch(/The database is not answering/);
      await until(
        () =>
          failed.mock.calls.some(
            ([, msg]) => msg === 'embedded database did not restart; trying again',
          ),
        10000,
        'a failed restart attempt',
      );
      late.provider.start();
      await until(
        () => refusals.includes('DATABASE_UNAVAILABLE'),
        10000,
        'the late stream being refused',
      );
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }

    await until(async () => (await health()) === 200, 15000);
    await until(
      () => restarted.mock.calls.some(([, msg]) => msg === 'embedded database restarted'),
      10000,
      'the restart being logged',
    );
    expect(
      (
        await request<{ applyDraftUpdate: { seq: number } }>(ws, APPLY, {
          d: draftId,
          u: edit('after'),
        })
      ).applyDraftUpdate.seq,
    ).toBeGreaterThan(0);
    const http = await t.gql<{ applyDraftUpdate: { seq: number } }>(
      APPLY,
      { d: draftId, u: edit('after, over HTTP') },
      token,
    );
    expect(http.data?.applyDraftUpdate.seq).toBeGreaterThan(0);
    const { content } = await storedText(draftId, token);
    for (const text of ['before', 'after', 'after, over HTTP'])
      expect(content).toContain(`<paragraph>${text}</paragraph>`);
    await late.provider.whenSynced();
    await until(
      () => contentOf(late.doc).includes('<paragraph>after, over HTTP</paragraph>'),
      10000,
      'the late editor receiving the edits',
    );
    holder.dispose();
    updates.dispose();
    restarted.mockRestore();
    failed.mockRestore();
  });
});
