import { Types } from 'mongoose';
import * as Y from 'yjs';
import { RequestError, request } from '../../../client/src/collab/graphql-request';
import { addParagraph, connectEditor, until } from '../../../test/helpers/editors';
import { draftOf } from '../../../test/helpers/factories';
import { startRedis } from '../../../test/helpers/server-process';
import { startTestPlatform, subscribe, TestPlatform } from '../../../test/helpers/test-platform';
import { Collaboration } from '../../collaboration/collaboration';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { DraftUpdateModel } from '../../collaboration/update.model';
import { freeLoopbackPort } from '../../db/free-port';
import { AppPubSub } from '../../pubsub/pubsub';
import { createRedisPubSub } from '../../pubsub/redis';
import { ALL, Topic } from '../../pubsub/topics';
import { authenticate } from '../auth/auth.service';
import { DomainEvents } from '../shared/domain-events';

const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const SET_STATUS =
  'mutation($id: ID!, $s: DraftStatus!) { setDraftStatus(id: $id, status: $s) { status } }';
const READ =
  'query($id: ID!) { draft(id: $id) { status text seq statusHistory { status previousStatus at by { name } } } }';
const UPDATES =
  'subscription($d: ID!, $after: Int) { draftUpdates(draftId: $d, afterSeq: $after) { seq synced } }';
const CHAIR = 'Chair (demo, Indonesia)';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/** A Yjs update appending a paragraph, as an editor would send it. */
function paragraph(text: string): string {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return b64(update);
}

/** Lines of a text in order: paragraphs sent from separate documents have no order between them. */
const lines = (text: string) => text.split('\n').sort();

const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

describe('adoption freezes the text', () => {
  let t: TestPlatform;
  let draftId: string;
  let chair: string;
  let coordinator: string;
  let delegate: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    draftId = await draftOf(1);
    [chair, coordinator, delegate] = await Promise.all(
      ['chair', 'coordinator', 'delegate'].map((who) => t.login(`${who}@committee.test`)),
    );
  });
  afterAll(() => t.stop());

  const read = async () => (await t.gql(READ, { id: draftId }, chair)).data!.draft;

  it('refuses edits over HTTP and WebSocket once the Chair adopts, storing and relaying nothing', async () => {
    // An accepted edit first, so the server's edit check has the draft's status in memory.
    expect(
      (
        await t.gql(
          APPLY,
          { d: draftId, u: paragraph('The Committee recalls resolution 1540 (2004).') },
          delegate,
        )
      ).data!.applyDraftUpdate.seq,
    ).toBe(1);
    // Each subscriber's abilities come with the change, computed for them: open editors lock at once.
    const STATUS_CAN =
      'subscription($d: ID!) { draftStatusChanged(draftId: $d) { status can { edit changeStatus } } }';
    const listening = t.listeners(Topic.DraftStatusChanged, draftId);
    const [asDelegate, asChair] = [
      subscribe(t.ws(delegate), STATUS_CAN, { d: draftId }),
      subscribe(t.ws(chair), STATUS_CAN, { d: draftId }),
    ];
    await t.listening(Topic.DraftStatusChanged, draftId, listening + 2);
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'ADOPTED' }, chair)).data!.setDraftStatus.status,
    ).toBe('ADOPTED');
    expect((await asDelegate.next()).draftStatusChanged).toEqual({
      status: 'ADOPTED',
      can: { edit: false, changeStatus: false },
    });
    expect((await asChair.next()).draftStatusChanged).toEqual({
      status: 'ADOPTED',
      can: { edit: false, changeStatus: true },
    });
    asDelegate.dispose();
    asChair.dispose();
    const before = await read();
    const storedBefore = await DraftUpdateModel.countDocuments({
      draftId: new Types.ObjectId(draftId),
    });
    const live = subscribe(t.ws(delegate), UPDATES, { d: draftId, after: before.seq });
    expect((await live.next()).draftUpdates).toEqual({ seq: before.seq, synced: true });

    const overHttp = await t.gql(
      APPLY,
      { d: draftId, u: paragraph('Edited after adoption over HTTP.') },
      delegate,
    );
    expect(code(overHttp)).toBe('DRAFT_LOCKED');
    expect(overHttp.errors![0].message).toMatch(/adopted.*can no longer be edited/);
    expect(overHttp.data).toBeNull();
    const overWs = await request(t.ws(delegate), APPLY, {
      d: draftId,
      u: paragraph('Edited after adoption over WebSocket.'),
    }).then(
      () => null,
      (err: RequestError) => err,
    );
    expect(overWs).toBeInstanceOf(RequestError);
    expect(overWs!.code).toBe('DRAFT_LOCKED');
    expect(overWs!.retryable).toBe(false);
    // The Chair and the Secretariat are held to the adopted text too.
    expect(
      code(await t.gql(APPLY, { d: draftId, u: paragraph('The Chair edits it.') }, chair)),
    ).toBe('DRAFT_LOCKED');

    const after = await read();
    expect(after).toMatchObject({ status: 'ADOPTED', text: before.text, seq: before.seq });
    expect(after.text).toBe('The Committee recalls resolution 1540 (2004).');
    expect(await DraftUpdateModel.countDocuments({ draftId: new Types.ObjectId(draftId) })).toBe(
      storedBefore,
    );

    // Nothing was relayed: the next event the subscriber gets is the first edit after reopening, with the next seq.
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'AGREED' }, chair)).data!.setDraftStatus.status,
    ).toBe('AGREED');
    const reopened = await t.gql(
      APPLY,
      { d: draftId, u: paragraph('Reopened and amended.') },
      delegate,
    );
    expect(reopened.data!.applyDraftUpdate.seq).toBe(before.seq + 1);
    expect((await live.next()).draftUpdates).toEqual({ seq: 0, synced: false });
    expect((await live.next()).draftUpdates).toEqual({ seq: before.seq + 1, synced: false });
    live.dispose();
  });

  it('lets an editor connected to the draft drop a refused edit for good, without retrying it', async () => {
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'ADOPTED' }, chair)).data!.setDraftStatus.status,
    ).toBe('ADOPTED');
    const { seq } = await read();
    const editor = connectEditor(t.url, delegate, draftId);
    try {
      const errors: RequestError[] = [];
      editor.provider.on('error', (err: RequestError) => errors.push(err));
      await editor.provider.whenSynced();
      addParagraph(editor.doc, 'Typed into the adopted text.');
      await until(() => errors.length > 0 && editor.provider.pending === 0, 10000, 'the refusal');
      expect(errors.map((e) => e.code)).toEqual(['DRAFT_LOCKED']);
      expect((await read()).seq).toBe(seq);
    } finally {
      await editor.close();
    }
  });

  it('lets only the Chair or the Secretariat reopen an adopted draft, and records who did it, when, and from what', async () => {
    expect((await read()).status).toBe('ADOPTED');
    for (const status of ['DRAFTING', 'AGREED']) {
      const denied = await t.gql(SET_STATUS, { id: draftId, s: status }, coordinator);
      expect(code(denied)).toBe('FORBIDDEN');
      expect(denied.errors![0].message).toMatch(/only the Chair or the Secretariat may reopen/);
    }
    expect((await read()).status).toBe('ADOPTED');

    const startedAt = Date.now();
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'DRAFTING' }, chair)).data!.setDraftStatus.status,
    ).toBe('DRAFTING');
    const { statusHistory } = await read();
    // Adopted from DRAFTING, reopened to AGREED, adopted again, reopened to DRAFTING: every change is there, in order.
    expect(
      statusHistory.map((h: { status: string; previousStatus: string; by: { name: string } }) => [
        h.previousStatus,
        h.status,
        h.by.name,
      ]),
    ).toEqual([
      ['DRAFTING', 'ADOPTED', CHAIR],
      ['ADOPTED', 'AGREED', CHAIR],
      ['AGREED', 'ADOPTED', CHAIR],
      ['ADOPTED', 'DRAFTING', CHAIR],
    ]);
    const reopenedAt = new Date(statusHistory[3].at).getTime();
    expect(reopenedAt).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(reopenedAt).toBeLessThanOrEqual(Date.now() + 1000);
    // A coordinator manages the reopened draft again, but still may not adopt it.
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'IN_REVIEW' }, coordinator)).data!.setDraftStatus
        .status,
    ).toBe('IN_REVIEW');
    expect(code(await t.gql(SET_STATUS, { id: draftId, s: 'ADOPTED' }, coordinator))).toBe(
      'FORBIDDEN',
    );
  });

  it('accepts edits again once reopened, over HTTP and WebSocket', async () => {
    const { seq, text } = await read();
    expect(
      (await t.gql(APPLY, { d: draftId, u: paragraph('Amended over HTTP.') }, delegate)).data!
        .applyDraftUpdate.seq,
    ).toBe(seq + 1);
    const overWs = await request<{ applyDraftUpdate: { seq: number } }>(t.ws(delegate), APPLY, {
      d: draftId,
      u: paragraph('Amended over WebSocket.'),
    });
    expect(overWs.applyDraftUpdate.seq).toBe(seq + 2);
    expect(lines((await read()).text)).toEqual(
      lines(`${text}\nAmended over HTTP.\nAmended over WebSocket.`),
    );
  });
});

describe('adoption freezes the text on every instance (status changes through Redis)', () => {
  let redis: { url: string; stop(): Promise<void> };
  let t: TestPlatform;
  let other: { collab: Collaboration; pubSub: AppPubSub };
  let draftId: string;
  beforeAll(async () => {
    redis = await startRedis(await freeLoopbackPort());
    t = await startTestPlatform({ REDIS_URL: redis.url });
    // A second instance's edit path, sharing the database and Redis with the platform above.
    const pubSub = await createRedisPubSub(redis.url);
    other = {
      collab: new Collaboration(pubSub, { compactEvery: 1000, events: new DomainEvents() }),
      pubSub,
    };
    draftId = await draftOf(2);
  });
  afterAll(async () => {
    await other.collab.close();
    await other.pubSub.close();
    await t.stop();
    await redis.stop();
  });

  it('refuses edits on the other instance once it hears of the adoption, and accepts them once it hears of the reopening', async () => {
    const token = await t.login('delegate@committee.test');
    const chair = await t.login('chair@committee.test');
    const delegate = (await authenticate(token))!;
    const id = new Types.ObjectId(draftId);
    const edit = (text: string) =>
      other.collab.applyUpdate(delegate, id, paragraph(text), null, 'test').then(
        (seq) => seq,
        (err: { extensions?: { code?: string } }) => err.extensions?.code,
      );
    // The other instance checks an edit first, so it holds the draft's status in memory.
    expect(await edit('Written on the other instance.')).toBe(1);

    const heard = (status: string) =>
      new Promise<void>((resolve) => {
        // Registered after the instance's own listener on the same channel, so it runs after it.
        const stop = other.pubSub.listen(Topic.DraftStatusChanged, ALL, (d) => {
          if (d._id.toHexString() === draftId && d.status === status) {
            stop();
            resolve();
          }
        });
      });
    const adoptionHeard = heard('ADOPTED');
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'ADOPTED' }, chair)).data!.setDraftStatus.status,
    ).toBe('ADOPTED');
    // The instance that adopted refuses at once, without waiting for its own message to come back.
    expect(
      code(await t.gql(APPLY, { d: draftId, u: paragraph('Right after adoption.') }, token)),
    ).toBe('DRAFT_LOCKED');
    await adoptionHeard;
    expect(await edit('Too late on the other instance.')).toBe('DRAFT_LOCKED');

    const reopeningHeard = heard('DRAFTING');
    expect(
      (await t.gql(SET_STATUS, { id: draftId, s: 'DRAFTING' }, chair)).data!.setDraftStatus.status,
    ).toBe('DRAFTING');
    await reopeningHeard;
    expect(await edit('Reopened on the other instance.')).toBe(2);
    const text = (await t.gql(READ, { id: draftId }, chair)).data!.draft.text;
    expect(lines(text)).toEqual([
      'Reopened on the other instance.',
      'Written on the other instance.',
    ]);
  });
});
