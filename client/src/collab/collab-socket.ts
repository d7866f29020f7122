import type { DraftTransport, StreamHandlers } from './draft-transport';
import { RequestError } from './graphql-request';
import {
  CLOSE_SESSION_EXPIRED,
  CLOSE_SESSION_REVOKED,
  ClientFrame,
  ClientMessage,
  decodeServerFrame,
  encodeClientFrame,
  ServerMessage,
  WIRE_VERSION,
} from './wire';

/** The part of a WebSocket this uses: the browser's and the `ws` package's alike. */
interface SocketLike {
  binaryType: string;
  readyState: number;
  bufferedAmount?: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
type SocketConstructor = new (url: string) => SocketLike;

export interface CollabSocketOptions {
  /** ws(s)://host/collab */
  url: string;
  /** The session token, read at each (re)connection; null: no session, do not connect. */
  token: () => string | null;
  /** The WebSocket class (the global one in browsers; `ws` in Node, whose overloads TypeScript
   * cannot match against one signature, hence `unknown`). */
  WebSocketImpl?: unknown;
  /** How long to wait before the nth reconnection attempt (1, 2, …). */
  retryWaitMs?: (attempt: number) => number;
  /** The session ended (expired or revoked): no reconnection follows. */
  onSessionEnded?: (code: number) => void;
  /** How long a sent update may wait for its answer. */
  requestTimeoutMs?: number;
}

interface Waiting {
  resolve(seq: number): void;
  reject(err: RequestError): void;
  timer: ReturnType<typeof setTimeout>;
}

const OPEN = 1;

/**
 * The binary co-editing socket (`/collab`, wire.ts): a draft's updates in and out as bytes, one
 * socket for every draft the page has open. It connects on first use, signs in with the session
 * token, and reconnects with backoff until closed or until the session ends; streams do not
 * survive a reconnection (the provider subscribes again from the last seq it has).
 */
export class CollabSocket implements DraftTransport {
  private socket: SocketLike | null = null;
  private ready = false;
  private closed = false;
  private attempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private nextRequest = 1;
  private readonly requests = new Map<number, Waiting>();
  /** Updates sent before the connection was ready, in order. */
  private unsent: ClientFrame[] = [];
  private readonly streams = new Map<string, StreamHandlers>();
  private readonly connectedListeners = new Set<() => void>();
  private readonly closedListeners = new Set<() => void>();
  private readonly Impl: SocketConstructor;

  constructor(private readonly options: CollabSocketOptions) {
    const Impl = (options.WebSocketImpl ?? globalThis.WebSocket) as SocketConstructor | undefined;
    if (!Impl) throw new Error('No WebSocket implementation: pass WebSocketImpl.');
    this.Impl = Impl;
  }

  get connected(): boolean {
    return this.ready;
  }

  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  onClosed(listener: () => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  subscribe(
    draftId: string,
    afterSeq: number,
    clientId: string,
    handlers: StreamHandlers,
  ): () => void {
    // One stream per draft and socket: a new subscription replaces the last one.
    this.streams.set(draftId, handlers);
    this.connect();
    if (this.ready) this.write({ type: ClientMessage.Subscribe, draftId, afterSeq, clientId });
    else {
      // Sent once signed in; a stream replaced or ended meanwhile is not sent.
      const off = this.onConnected(() => {
        off();
        if (this.streams.get(draftId) === handlers)
          this.write({ type: ClientMessage.Subscribe, draftId, afterSeq, clientId });
      });
    }
    return () => {
      if (this.streams.get(draftId) !== handlers) return;
      this.streams.delete(draftId);
      if (this.ready) this.write({ type: ClientMessage.Unsubscribe, draftId });
    };
  }

  /** Waits for the connection when there is none yet (within the same time limit as the answer). */
  send(draftId: string, clientId: string, update: Uint8Array): Promise<number> {
    this.connect();
    if (this.closed) return Promise.reject(new RequestError('the socket is closed', 'NETWORK'));
    const requestId = this.nextRequest++;
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(requestId);
        reject(
          new RequestError(
            `no answer within ${this.options.requestTimeoutMs ?? 15_000} ms`,
            'NETWORK',
          ),
        );
      }, this.options.requestTimeoutMs ?? 15_000);
      this.requests.set(requestId, { resolve, reject, timer });
      const frame: ClientFrame = {
        type: ClientMessage.Update,
        requestId,
        draftId,
        clientId,
        update,
      };
      if (this.ready) this.write(frame);
      else this.unsent.push(frame);
    });
  }

  /** Closes for good: no reconnection; pending sends fail, streams end silently. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'closed by the client');
    }
    this.lost();
  }

  private connect(): void {
    if (this.socket || this.closed || this.reconnectTimer) return;
    const token = this.options.token();
    if (token === null) return;
    const socket = new this.Impl(this.options.url);
    this.socket = socket;
    socket.binaryType = 'arraybuffer';
    socket.onopen = () =>
      this.write({ type: ClientMessage.Hello, version: WIRE_VERSION, token: `Bearer ${token}` });
    socket.onmessage = ({ data }) => this.receive(data);
    socket.onerror = () => undefined;
    socket.onclose = ({ code }) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.lost();
      if (code === CLOSE_SESSION_EXPIRED || code === CLOSE_SESSION_REVOKED) {
        this.closed = true;
        this.options.onSessionEnded?.(code);
        return;
      }
      this.attempts += 1;
      const wait =
        this.options.retryWaitMs?.(this.attempts) ?? Math.min(10_000, 300 * 2 ** this.attempts);
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        this.connect();
      }, wait);
    };
  }

  /** The connection is gone: answers nobody will give fail now, streams are forgotten. */
  private lost(): void {
    const wasReady = this.ready;
    this.ready = false;
    for (const [id, waiting] of this.requests) {
      clearTimeout(waiting.timer);
      waiting.reject(new RequestError('connection lost', 'NETWORK'));
      this.requests.delete(id);
    }
    this.streams.clear();
    this.unsent = [];
    if (wasReady) for (const listener of [...this.closedListeners]) listener();
  }

  private write(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(encodeClientFrame(frame));
  }

  private receive(data: unknown): void {
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : null;
    if (!bytes) return;
    const frame = decodeServerFrame(bytes);
    switch (frame.type) {
      case ServerMessage.Ready:
        this.ready = true;
        this.attempts = 0;
        for (const frame of this.unsent.splice(0)) this.write(frame);
        for (const listener of [...this.connectedListeners]) listener();
        return;
      case ServerMessage.Event:
        this.streams.get(frame.draftId)?.event(frame);
        return;
      case ServerMessage.Ack:
      case ServerMessage.Refused: {
        const waiting = this.requests.get(frame.requestId);
        if (!waiting) return;
        this.requests.delete(frame.requestId);
        clearTimeout(waiting.timer);
        if (frame.type === ServerMessage.Ack) waiting.resolve(frame.seq);
        else
          waiting.reject(
            new RequestError(frame.message, frame.code, frame.retryAfterMs ?? undefined),
          );
        return;
      }
      case ServerMessage.StreamEnded: {
        const handlers = this.streams.get(frame.draftId);
        if (!handlers) return;
        this.streams.delete(frame.draftId);
        handlers.ended(frame.code === null ? null : new RequestError(frame.message, frame.code));
        return;
      }
    }
  }
}
