import { Types } from 'mongoose';
import * as Y from 'yjs';
import { request } from '../../client/src/collab/graphql-request';
import { buildUser, draftOf } from '../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../test/helpers/test-platform';
import { Role } from '../modules/users/role';
import { CONTENT_FIELD } from './document-state';
import { DraftUpdateModel } from './update.model';

const APPLY =
  'mutation($d: ID!, $u: String!, $c: String) { applyDraftUpdate(draftId: $d, update: $u, clientId: $c) { seq } }';
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/** A Yjs update that appends a paragraph with the text, as the editor would. */
function paragraph(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => (update = u);
  doc.on('update', capture);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  doc.off('update', capture);
  return update;
}

describe('applyDraftUpdate and draftUpdates', () => {
  let t: TestPlatform;
  let token: string;
  let draftId: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    token = await t.login('delegate@committee.test');
    draftId = await draftOf(1);
  });
  afterAll(() => t.stop());

  const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.[0]?.extensions?.code;
  const stored = () => DraftUpdateModel.countDocuments();

  it('stores updates with gapless seqs, streams them live, then marks them stored, and serves state and text', async () => {
    const live = subscribe(
      t.ws(token),
      'subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: 0) { seq firstSeq durable update clientId synced stateVector } }',
      { d: draftId },
    );
    expect((await live.next()).draftUpdates).toMatchObject({
      seq: 0,
      synced: true,
      stateVector: b64(Y.encodeStateVector(new Y.Doc())),
    });
    const doc = new Y.Doc();
    const firstUpdate = b64(paragraph(doc, 'The Committee recalls resolution 1540 (2004).'));
    const first = await t.gql(APPLY, { d: draftId, u: firstUpdate, c: 'editor-a' }, token);
    expect(first.data!.applyDraftUpdate.seq).toBe(1);
    const second = await t.gql(
      APPLY,
      { d: draftId, u: b64(paragraph(doc, 'It recommends that States report.')), c: 'editor-a' },
      token,
    );
    expect(second.data!.applyDraftUpdate.seq).toBe(2);
    // Sent live as received, before it is stored; then marks (one per write, or one for several
    // writes close together) give their seqs, without the bytes again.
    expect((await live.next()).draftUpdates).toMatchObject({
      seq: 0,
      durable: false,
      update: firstUpdate,
      clientId: 'editor-a',
      synced: false,
    });
    expect((await live.next()).draftUpdates).toMatchObject({ seq: 0, durable: false });
    const marked: number[] = [];
    while (marked.length < 2) {
      const mark = (await live.next()).draftUpdates;
      expect(mark).toMatchObject({ durable: true, update: 'AAA=', clientId: 'editor-a' });
      for (let seq = mark.firstSeq; seq <= mark.seq; seq += 1) marked.push(seq);
    }
    expect(marked).toEqual([1, 2]);
    const res = await t.gql(
      'query($d: ID!) { draft(id: $d) { seq text state } }',
      { d: draftId },
      token,
    );
    expect(res.data!.draft.seq).toBe(2);
    expect(res.data!.draft.text).toBe(
      'The Committee recalls resolution 1540 (2004).\nIt recommends that States report.',
    );
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(res.data!.draft.state, 'base64'));
    expect(copy.getXmlFragment(CONTENT_FIELD).length).toBe(2);
  });

  it('replays after a given seq, then marks the end of the replay, then goes live', async () => {
    const late = subscribe(
      t.ws(token),
      'subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: 1) { seq synced } }',
      { d: draftId },
    );
    expect((await late.next()).draftUpdates).toEqual({ seq: 2, synced: false });
    expect((await late.next()).draftUpdates).toEqual({ seq: 2, synced: true });
    await t.gql(APPLY, { d: draftId, u: b64(paragraph(new Y.Doc(), 'Live.')) }, token);
    expect((await late.next()).draftUpdates).toEqual({ seq: 0, synced: false });
    expect((await late.next()).draftUpdates).toEqual({ seq: 3, synced: false });
  });

  it('ends a replay with the state vector of the stored document, so an editor can send what the server lacks', async () => {
    const res = await t.gql('query($d: ID!) { draft(id: $d) { state } }', { d: draftId }, token);
    const stored = Y.encodeStateVectorFromUpdate(Buffer.from(res.data!.draft.state, 'base64'));
    const replay = subscribe(
      t.ws(token),
      'subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: 2) { synced stateVector } }',
      { d: draftId },
    );
    let event = (await replay.next()).draftUpdates;
    while (!event.synced) event = (await replay.next()).draftUpdates;
    expect(Y.decodeStateVector(Buffer.from(event.stateVector, 'base64'))).toEqual(
      Y.decodeStateVector(stored),
    );
    replay.dispose();
  });

  it('writes updates that arrive together in one database round trip (group commit)', async () => {
    const stats = t.platform.app.collab.log.stats;
    const before = { ...stats };
    const doc = new Y.Doc();
    const updates = Array.from({ length: 50 }, (_, i) => b64(paragraph(doc, `Paragraph ${i}`)));
    const results = await Promise.all(updates.map((u) => t.gql(APPLY, { d: draftId, u }, token)));
    const seqs = results
      .map((r) => r.data!.applyDraftUpdate.seq)
      .sort((a: number, b: number) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => seqs[0] + i));
    expect(stats.updates - before.updates).toBe(50);
    expect(stats.batches - before.batches).toBeLessThan(50);
  });

  it('stores updates appended in the same moment with a single insert', async () => {
    const stats = t.platform.app.collab.log.stats;
    const before = { ...stats };
    const doc = new Y.Doc();
    const id = new Types.ObjectId(draftId);
    const seqs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.platform.app.collab.log.append(id, {
          update: paragraph(doc, `Burst ${i}`),
          clientId: 'burst',
          userId: null,
        }),
      ),
    );
    expect(new Set(seqs).size).toBe(30);
    expect(stats.batches - before.batches).toBe(1);
  });

  it.each([
    ['not base64', 'not base64!'],
    ['not a Yjs update', Buffer.from('hello world!').toString('base64')],
    ['larger than 1 MiB', Buffer.alloc(1024 * 1024 + 10, 7).toString('base64')],
  ])('refuses an update that is %s and stores nothing', async (_label, update) => {
    const before = await stored();
    const res = await t.gql(APPLY, { d: draftId, u: update }, token);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(await stored()).toBe(before);
  });

  it('refuses edits from a member of another working group and from observers, who may still read', async () => {
    const other = await buildUser(t, [Role.DELEGATE], [3]);
    const observer = await t.login('observer@committee.test');
    const before = await stored();
    for (const who of [other.token, observer]) {
      const res = await t.gql(
        APPLY,
        { d: draftId, u: b64(paragraph(new Y.Doc(), 'Intrusion')) },
        who,
      );
      expect(code(res)).toBe('FORBIDDEN');
      const read = await t.gql(
        'query($d: ID!) { draft(id: $d) { text can { edit } } }',
        { d: draftId },
        who,
      );
      expect(read.data!.draft.can.edit).toBe(false);
      expect(read.data!.draft.text).toMatch(/The Committee recalls/);
    }
    const watcher = subscribe(
      t.ws(observer),
      'subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: 0) { seq synced } }',
      { d: draftId },
    );
    expect((await watcher.next()).draftUpdates.seq).toBe(1);
    watcher.dispose();
    expect(await stored()).toBe(before);
  });

  it('executes a live event once for all subscribers with the same selection', async () => {
    // A draft no other subscription of this file watches.
    const watched = await draftOf(4);
    const chair = await t.login('chair@committee.test');
    const query = 'subscription($d: ID!) { draftUpdates(draftId: $d) { seq update clientId } }';
    const base = t.listeners(Topic.DraftUpdate, watched);
    const subscribers = Array.from({ length: 20 }, () =>
      subscribe(t.ws(token), query, { d: watched }),
    );
    await t.listening(Topic.DraftUpdate, watched, base + 20);
    const executed: number[] = [];
    const remove = t.platform.app.collab.use({
      name: 'count-deliveries',
      onDelivered: (e) => e.draftId === watched && executed.push(e.seq),
    });
    try {
      const res = await t.gql(
        APPLY,
        { d: watched, u: b64(paragraph(new Y.Doc(), 'Seen by twenty')), c: 'shared' },
        chair,
      );
      const seq = res.data!.applyDraftUpdate.seq;
      const live = await Promise.all(subscribers.map((s) => s.next()));
      for (const e of live) expect(e.draftUpdates).toMatchObject({ seq: 0, clientId: 'shared' });
      const marks = await Promise.all(subscribers.map((s) => s.next()));
      for (const e of marks) expect(e.draftUpdates).toMatchObject({ seq, clientId: 'shared' });
      // Once live, once stored: not once per subscriber.
      expect(executed).toEqual([0, seq]);
    } finally {
      remove();
      for (const s of subscribers) s.dispose();
    }
  });

  it('refuses bad subscription arguments', async () => {
    const negative = subscribe(
      t.ws(token),
      'subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: -1) { seq } }',
      { d: draftId },
    );
    await expect(negative.next(3000)).rejects.toThrow(/BAD_USER_INPUT/);
    const missing = subscribe(
      t.ws(token),
      'subscription { draftUpdates(draftId: "0123456789abcdef01234567") { seq } }',
    );
    await expect(missing.next(3000)).rejects.toThrow(/NOT_FOUND/);
  });

  it('throttles a flood from one connection without holding up another', async () => {
    const flooder = t.ws(token);
    const doc = new Y.Doc();
    const flood = Array.from({ length: 400 }, (_, i) =>
      request(flooder, APPLY, { d: draftId, u: b64(paragraph(doc, `Flood ${i}`)) }).then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
    );
    const calm = t.ws(await t.login('coordinator@committee.test'));
    const started = Date.now();
    await request(calm, APPLY, { d: draftId, u: b64(paragraph(new Y.Doc(), 'A calm edit')) });
    const calmMs = Date.now() - started;
    const outcomes = await Promise.all(flood);
    expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS').length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(200);
    expect(calmMs).toBeLessThan(2000);
  });
});
