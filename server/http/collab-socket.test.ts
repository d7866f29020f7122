import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  ClientFrame,
  ClientMessage,
  decodeServerFrame,
  encodeClientFrame,
  ServerFrame,
  ServerMessage,
  WIRE_VERSION,
} from '../../client/src/collab/wire';
import {
  addParagraph,
  connectEditor,
  contentOf,
  paragraphUpdate,
  until,
} from '../../test/helpers/editors';
import { buildDraft, buildUser } from '../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import { bytes } from '../collaboration/document-state';
import { DraftUpdateModel } from '../collaboration/update.model';
import { Role } from '../modules/users/role';

/** A raw client of /collab: every frame it receives, in order, and how its socket closed. */
class RawClient {
  readonly frames: ServerFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  private readonly socket: WebSocket;
  readonly open: Promise<void>;

  constructor(url: string) {
    this.socket = new WebSocket(`${url.replace('http', 'ws')}/collab`);
    this.open = new Promise((resolve) => this.socket.once('open', () => resolve()));
    this.socket.on('message', (data: Buffer) => this.frames.push(decodeServerFrame(data)));
    this.socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }

  send(frame: ClientFrame | Uint8Array | string): void {
    this.socket.send(
      typeof frame === 'string' || frame instanceof Uint8Array ? frame : encodeClientFrame(frame),
    );
  }

  async signIn(token: string): Promise<void> {
    await this.open;
    this.send({ type: ClientMessage.Hello, version: WIRE_VERSION, token: `Bearer ${token}` });
    await this.next((f) => f.type === ServerMessage.Ready);
  }

  /** The first frame received (now or later) that matches. */
  async next<T extends ServerFrame>(match: (f: ServerFrame) => f is T): Promise<T>;
  async next(match: (f: ServerFrame) => boolean): Promise<ServerFrame>;
  async next(match: (f: ServerFrame) => boolean): Promise<ServerFrame> {
    await until(() => this.frames.some(match) || this.closed !== null, 10_000);
    const frame = this.frames.find(match);
    if (!frame) throw new Error(`socket closed first: ${JSON.stringify(this.closed)}`);
    this.frames.splice(this.frames.indexOf(frame), 1);
    return frame;
  }

  async whenClosed(): Promise<{ code: number; reason: string }> {
    await until(() => this.closed !== null, 10_000);
    return this.closed!;
  }

  close(): void {
    this.socket.close();
  }
}

const isEvent = (f: ServerFrame): f is Extract<ServerFrame, { type: ServerMessage.Event }> =>
  f.type === ServerMessage.Event;

describe('the binary co-editing socket (/collab)', () => {
  let t: TestPlatform;
  let token: string;
  let draftId: string;
  const clients: RawClient[] = [];
  const raw = () => {
    const c = new RawClient(t.url);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    token = await t.login('delegate@committee.test');
    draftId = await buildDraft(1);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.stop());

  it('stores an update sent as bytes, acknowledges it with its seq once stored, and relays it to the other editors as the same bytes', async () => {
    const writer = raw();
    const reader = raw();
    await writer.signIn(token);
    await reader.signIn(token);
    reader.send({ type: ClientMessage.Subscribe, draftId, afterSeq: 0, clientId: 'reader' });
    const synced = await reader.next((f): f is ServerFrame => isEvent(f) && f.synced);
    expect(synced).toMatchObject({ durable: true, seq: 0 });
    const update = paragraphUpdate(new Y.Doc(), 'The Committee recalls resolution 1540 (2004).');
    writer.send({ type: ClientMessage.Update, requestId: 7, draftId, clientId: 'writer', update });

    const live = await reader.next((f): f is ServerFrame => isEvent(f) && !f.durable);
    expect(isEvent(live) && Buffer.from(live.update).equals(Buffer.from(update))).toBe(true);
    const ack = await writer.next((f) => f.type === ServerMessage.Ack);
    expect(ack).toEqual({ type: ServerMessage.Ack, requestId: 7, seq: 1 });
    // Acknowledged means in the database, with the very bytes sent.
    const row = await DraftUpdateModel.findOne({ draftId, seq: 1 }).lean();
    expect(Buffer.from(bytes(row!.update)).equals(Buffer.from(update))).toBe(true);
    // Then a mark gives the stored seq, without the bytes the reader already has.
    const mark = await reader.next((f): f is ServerFrame => isEvent(f) && f.durable && f.seq === 1);
    expect(isEvent(mark) && mark.update.byteLength).toBe(2);
  });

  it('refuses an update that is not a Yjs update, or from someone who may not edit, with a code and nothing stored', async () => {
    const before = await DraftUpdateModel.countDocuments({ draftId });
    const observer = raw();
    await observer.signIn(await t.login('observer@committee.test'));
    observer.send({
      type: ClientMessage.Update,
      requestId: 1,
      draftId,
      clientId: 'x',
      update: paragraphUpdate(new Y.Doc(), 'Intrusion'),
    });
    expect(await observer.next((f) => f.type === ServerMessage.Refused)).toMatchObject({
      requestId: 1,
      code: 'FORBIDDEN',
    });
    const outsider = raw();
    await outsider.signIn((await buildUser(t, [Role.DELEGATE], [3])).token);
    outsider.send({
      type: ClientMessage.Update,
      requestId: 2,
      draftId,
      clientId: 'x',
      update: paragraphUpdate(new Y.Doc(), 'Intrusion'),
    });
    expect(await outsider.next((f) => f.type === ServerMessage.Refused)).toMatchObject({
      code: 'FORBIDDEN',
    });
    const writer = raw();
    await writer.signIn(token);
    for (const [requestId, update] of [
      [3, new Uint8Array([255, 255, 255, 1, 2])],
      [4, new Uint8Array()],
    ] as const) {
      writer.send({ type: ClientMessage.Update, requestId, draftId, clientId: 'x', update });
      const refused = await writer.next((f) => f.type === ServerMessage.Refused);
      expect(refused).toMatchObject({ requestId, code: 'BAD_USER_INPUT' });
      expect(refused.type === ServerMessage.Refused && refused.message).toMatch(/Yjs update/);
    }
    writer.send({
      type: ClientMessage.Update,
      requestId: 5,
      draftId: 'not-an-id',
      clientId: 'x',
      update: paragraphUpdate(new Y.Doc(), 'Lost'),
    });
    expect(await writer.next((f) => f.type === ServerMessage.Refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await DraftUpdateModel.countDocuments({ draftId })).toBe(before);
  });

  it('ends the stream of a draft that does not exist, and keeps the socket', async () => {
    const c = raw();
    await c.signIn(token);
    c.send({
      type: ClientMessage.Subscribe,
      draftId: '0123456789abcdef01234567',
      afterSeq: 0,
      clientId: '',
    });
    expect(await c.next((f) => f.type === ServerMessage.StreamEnded)).toMatchObject({
      code: 'NOT_FOUND',
    });
    c.send({ type: ClientMessage.Subscribe, draftId, afterSeq: null, clientId: '' });
    c.send({
      type: ClientMessage.Update,
      requestId: 9,
      draftId,
      clientId: '',
      update: paragraphUpdate(new Y.Doc(), 'Still here.'),
    });
    expect(await c.next((f) => f.type === ServerMessage.Ack)).toMatchObject({ requestId: 9 });
    expect(c.closed).toBeNull();
  });

  it('closes a socket that speaks before signing in, sends what does not decode, or signs in with a bad token', async () => {
    const early = raw();
    await early.open;
    early.send({ type: ClientMessage.Subscribe, draftId, afterSeq: 0, clientId: '' });
    expect((await early.whenClosed()).code).toBe(4400);

    const garbage = raw();
    await garbage.signIn(token);
    garbage.send(new Uint8Array([42, 1, 2]));
    expect((await garbage.whenClosed()).code).toBe(4400);

    const text = raw();
    await text.open;
    text.send('{"type":"connection_init"}');
    expect((await text.whenClosed()).code).toBe(4400);

    const bad = raw();
    await bad.open;
    bad.send({ type: ClientMessage.Hello, version: WIRE_VERSION, token: 'Bearer nonsense' });
    expect((await bad.whenClosed()).code).toBe(4403);

    const old = raw();
    await old.open;
    old.send({ type: ClientMessage.Hello, version: WIRE_VERSION + 1, token: `Bearer ${token}` });
    expect(await old.whenClosed()).toMatchObject({ code: 4400, reason: /reload/ });
  });

  it('closes the socket when its session is revoked (signing out)', async () => {
    const session = await t.login('delegate@committee.test');
    const c = raw();
    await c.signIn(session);
    const res = await t.gql('mutation { logout }', {}, session);
    expect(res.errors).toBeUndefined();
    expect((await c.whenClosed()).code).toBe(4403);
  });

  it('binds two editors through the provider: what one types, the other has, and it is stored', async () => {
    const own = await buildDraft(1);
    const a = connectEditor(t.url, token, own);
    const b = connectEditor(t.url, token, own);
    try {
      await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
      expect(a.provider.transport.constructor.name).toBe('CollabSocket');
      addParagraph(a.doc, 'Typed by A.');
      addParagraph(b.doc, 'Typed by B.');
      await until(
        () =>
          contentOf(a.doc) === contentOf(b.doc) &&
          /Typed by A.*Typed by B|Typed by B.*Typed by A/.test(contentOf(a.doc)),
      );
      await Promise.all([a.provider.whenAcknowledged(), b.provider.whenAcknowledged()]);
      const state = await t.gql<{ draft: { text: string } }>(
        'query($d: ID!) { draft(id: $d) { text } }',
        { d: own },
        token,
      );
      expect(state.data!.draft.text).toMatch(/Typed by A/);
      expect(state.data!.draft.text).toMatch(/Typed by B/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
