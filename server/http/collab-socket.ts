import { randomUUID } from 'node:crypto';
import type { WebSocket, WebSocketServer } from 'ws';
import {
  CLOSE_PROTOCOL,
  CLOSE_SESSION_REVOKED,
  CLOSE_TOO_SLOW,
  CLOSE_TRY_LATER,
  type ClientFrame,
  ClientMessage,
  decodeClientFrame,
  encodeServerFrame,
  ServerMessage,
  WIRE_VERSION,
  type WireError,
} from '../../client/src/collab/wire';
import type { Collaboration, DraftUpdateEvent } from '../collaboration/collaboration';
import type { AuthUser } from '../core/auth-user';
import { badInput, forbidden } from '../core/errors';
import { GUEST_REFUSED } from '../core/roles';
import { formatError, isDatabaseDown } from '../graphql/format-error';
import { draftPolicy } from '../modules/drafts/draft.policy';
import { findDraft } from '../modules/drafts/draft.service';
import { parseId } from '../modules/shared/ids';
import type { EventQueue } from '../pubsub/iterate';
import type { AppPubSub } from '../pubsub/pubsub';
import { userFromAuthorization } from './auth-header';
import { coalesceWrites } from './coalesce-writes';
import { bindSocketToSession } from './socket-session';

/** A client that has not signed in by then is closed. */
const HELLO_WITHIN_MS = 10_000;
/** Bytes waiting to go to one client beyond which it is cut off (it replays on reconnecting). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** A client that does not answer a ping within this is gone. */
const PING_EVERY_MS = 20_000;
const MAX_CLIENT_ID = 64;

// Each event is encoded once, however many editors receive it (events are shared: subscriber-view.ts).
const frames = new WeakMap<DraftUpdateEvent, Uint8Array>();

function eventFrame(event: DraftUpdateEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) {
    frame = encodeServerFrame({
      type: ServerMessage.Event,
      draftId: event.draftId,
      seq: event.seq,
      firstSeq: event.firstSeq,
      durable: event.durable,
      snapshot: event.snapshot,
      synced: event.synced,
      update: Buffer.from(event.update, 'base64'),
      stateVector: event.stateVector ? Buffer.from(event.stateVector, 'base64') : null,
    });
    frames.set(event, frame);
  }
  return frame;
}

/** The code and words a client is given for a failure, as the GraphQL API would give them. */
function wireError(err: unknown): WireError {
  const shaped = formatError({ message: err instanceof Error ? err.message : String(err) }, err);
  const retry = shaped.extensions?.retryAfterMs;
  return {
    code: String(shaped.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
    message: shaped.message,
    retryAfterMs: typeof retry === 'number' ? retry : null,
  };
}

interface Deps {
  pubSub: AppPubSub;
  collab: Collaboration;
}

/**
 * The co-editing socket (`/collab`): a draft's updates as binary frames (client/src/collab/wire.ts),
 * without a GraphQL execution, JSON or base64 per event. The same checks as `applyDraftUpdate` and
 * `draftUpdates` (Collaboration does them), the same sessions as the GraphQL socket.
 */
export function attachCollabSocket(wss: WebSocketServer, { pubSub, collab }: Deps): () => void {
  const ping = setInterval(() => {
    for (const socket of wss.clients) {
      const alive = socket as WebSocket & { alive?: boolean };
      if (alive.alive === false) {
        socket.terminate();
        continue;
      }
      alive.alive = false;
      socket.ping();
    }
  }, PING_EVERY_MS);
  ping.unref();
  wss.on('connection', (socket: WebSocket) => {
    coalesceWrites(socket);
    new CollabConnection(socket, pubSub, collab);
  });
  return () => clearInterval(ping);
}

class CollabConnection {
  private user: AuthUser | null = null;
  private signingIn = false;
  private helloTimer: ReturnType<typeof setTimeout> | null;
  private readonly connectionId = randomUUID();
  /** Each draft's stream; its iterator is set once the draft has been looked up. */
  private readonly streams = new Map<
    string,
    { iterator: AsyncIterableIterator<DraftUpdateEvent> | null }
  >();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly socket: WebSocket,
    private readonly pubSub: AppPubSub,
    private readonly collab: Collaboration,
  ) {
    this.helloTimer = setTimeout(
      () => socket.close(CLOSE_PROTOCOL, 'No sign-in received.'),
      HELLO_WITHIN_MS,
    );
    socket.on('pong', () => {
      (socket as WebSocket & { alive?: boolean }).alive = true;
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    socket.once('close', () => this.closed());
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    let frame: ClientFrame;
    try {
      if (!isBinary) throw new Error('text frame');
      frame = decodeClientFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch {
      this.socket.close(CLOSE_PROTOCOL, 'A message did not decode.');
      return;
    }
    if (frame.type === ClientMessage.Hello) {
      void this.hello(frame.version, frame.token);
      return;
    }
    const user = this.user;
    if (!user) {
      this.socket.close(CLOSE_PROTOCOL, 'Sign in first.');
      return;
    }
    switch (frame.type) {
      case ClientMessage.Subscribe:
        void this.subscribe(frame.draftId, frame.afterSeq, frame.clientId);
        return;
      case ClientMessage.Unsubscribe:
        this.stop(frame.draftId);
        return;
      case ClientMessage.Update:
        void this.update(user, frame.requestId, frame.draftId, frame.clientId, frame.update);
        return;
    }
  }

  private async hello(version: number, token: string): Promise<void> {
    if (this.user || this.signingIn) {
      this.socket.close(CLOSE_PROTOCOL, 'Signed in already.');
      return;
    }
    if (version !== WIRE_VERSION) {
      this.socket.close(CLOSE_PROTOCOL, `This server speaks version ${WIRE_VERSION}; reload.`);
      return;
    }
    this.signingIn = true;
    this.clearHelloTimer();
    let auth: Awaited<ReturnType<typeof userFromAuthorization>>;
    try {
      auth = await userFromAuthorization(token);
    } catch (err) {
      this.socket.close(
        isDatabaseDown(err) ? CLOSE_TRY_LATER : 1011,
        'The database is not answering; try again shortly.',
      );
      return;
    }
    const user = auth.user;
    if (!user) {
      this.socket.close(CLOSE_SESSION_REVOKED, 'Sign in again: the session is not valid.');
      return;
    }
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.user = user;
    this.cleanups.push(bindSocketToSession(this.socket, user, this.pubSub));
    this.send(encodeServerFrame({ type: ServerMessage.Ready }));
  }

  private async subscribe(draftIdArg: string, afterSeq: number | null, clientId: string) {
    this.stop(draftIdArg);
    // Holds the place while the draft is looked up: an unsubscribe or a new subscribe replaces it.
    const entry: { iterator: AsyncIterableIterator<DraftUpdateEvent> | null } = { iterator: null };
    this.streams.set(draftIdArg, entry);
    const current = () => this.streams.get(draftIdArg) === entry;
    let stream: EventQueue<DraftUpdateEvent>;
    try {
      if (clientId.length > MAX_CLIENT_ID)
        throw badInput('clientId must be at most 64 characters long.', 'clientId');
      const draftId = parseId(draftIdArg, 'draftId');
      if (this.user && !draftPolicy.read(this.user)) throw forbidden(GUEST_REFUSED);
      await findDraft(draftId);
      if (!current()) return;
      stream = this.collab.stream(
        draftId,
        afterSeq,
        clientId === '' ? null : { clientId, connectionId: this.connectionId },
      );
    } catch (err) {
      if (!current()) return;
      this.streams.delete(draftIdArg);
      this.ended(draftIdArg, err);
      return;
    }
    entry.iterator = stream;
    // Each event is sent as it is published, not through an async iterator per subscriber.
    stream.consume(
      (event) => {
        this.send(eventFrame(event));
        this.collab.delivered(event);
      },
      (failure) => {
        // Ended by the server rather than by the client or the socket closing: the client should know.
        if (!current()) return;
        this.streams.delete(draftIdArg);
        this.ended(draftIdArg, failure);
      },
    );
  }

  private ended(draftId: string, err: unknown): void {
    this.send(
      encodeServerFrame(
        err === null
          ? { type: ServerMessage.StreamEnded, draftId, code: null }
          : { type: ServerMessage.StreamEnded, draftId, ...wireError(err) },
      ),
    );
  }

  private stop(draftId: string): void {
    const entry = this.streams.get(draftId);
    this.streams.delete(draftId);
    void entry?.iterator?.return?.();
  }

  private async update(
    user: AuthUser,
    requestId: number,
    draftIdArg: string,
    clientId: string,
    update: Uint8Array,
  ): Promise<void> {
    try {
      if (clientId.length > MAX_CLIENT_ID)
        throw badInput('clientId must be at most 64 characters long.', 'clientId');
      const seq = await this.collab.applyUpdateBytes(
        user,
        parseId(draftIdArg, 'draftId'),
        update,
        clientId === '' ? null : clientId,
        this.connectionId,
      );
      this.send(encodeServerFrame({ type: ServerMessage.Ack, requestId, seq }));
    } catch (err) {
      this.send(encodeServerFrame({ type: ServerMessage.Refused, requestId, ...wireError(err) }));
    }
  }

  private send(frame: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.close(CLOSE_TOO_SLOW, 'Too far behind; reconnect to catch up.');
      return;
    }
    this.socket.send(frame, { binary: true });
  }

  private clearHelloTimer(): void {
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
  }

  private closed(): void {
    this.clearHelloTimer();
    for (const cleanup of this.cleanups) cleanup();
    for (const draftId of [...this.streams.keys()]) this.stop(draftId);
    this.collab.connectionClosed(this.connectionId);
  }
}
