import type { Client } from 'graphql-ws';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { Observable } from 'lib0/observable';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type DraftTransport, GraphQLTransport, type UpdateEvent } from './draft-transport';
import { RequestError, request } from './graphql-request';

const PRESENCE = `subscription Presence($draftId: ID!) { presence(draftId: $draftId) { update } }`;
const UPDATE_PRESENCE = `mutation UpdatePresence($draftId: ID!, $update: String!) { updatePresence(draftId: $draftId, update: $update) }`;

/**
 * Requests sent and not yet answered, at most. Under steady typing the server stores (and so
 * answers) edits every 250 ms (COMMIT_INTERVAL_MS): 8 leaves room for some 30 keystrokes a second
 * before a keystroke waits for an answer to be sent.
 */
const MAX_IN_FLIGHT = 8;

/** Bytes of an update with nothing in it (a stored mark for updates already received live). */
const EMPTY_UPDATE_LENGTH = 2;

export type ProviderStatus = 'connecting' | 'connected' | 'disconnected';

export interface DraftProviderOptions {
  /** A graphql-ws client for the server, carrying the session token; it should retry. Presence
   * goes through it, and the draft's updates too unless `transport` is given. */
  client: Client;
  /** Where the draft's updates go and come from (the binary socket in the web client). */
  transport?: DraftTransport;
  draftId: string;
  doc: Y.Doc;
  /** Presence (cursors); left out for read-only watchers that show no cursor. */
  awareness?: Awareness;
  /** Sends no edits: for those who may only read. */
  readOnly?: boolean;
  /**
   * Waits for `start()` before subscribing, so that a state fetched some other way (an HTTP
   * query that does not wait for the socket) can be applied first and the replay begins after it.
   */
  deferStart?: boolean;
}

type Events = {
  synced: (synced: boolean) => void;
  status: (status: ProviderStatus) => void;
  acked: (seq: number) => void;
  /** A whole state was applied by `start()`: the text is there before the replay has ended. */
  loaded: (seq: number) => void;
  /** The number of unacknowledged local edits changed (acknowledged, or dropped as refused). */
  pending: (count: number) => void;
  error: (error: RequestError) => void;
};

/**
 * Binds a Yjs document to a draft over a DraftTransport (the binary socket, or GraphQL): a stream
 * brings every stored update (from the last one seen, so a reconnect leaves no gap), local edits go
 * up merged and are sent again until the server acknowledges them, queued while offline; presence
 * goes over graphql-ws. No DOM: it runs in the browser and in Node alike.
 */
export class DraftProvider extends Observable<keyof Events> {
  readonly client: Client;
  readonly transport: DraftTransport;
  readonly draftId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness | undefined;
  readonly clientId: string;
  synced = false;
  /** The text is there: a replay ended (synced) or `start()` applied a whole state. */
  loaded = false;
  status: ProviderStatus = 'connecting';
  /** Every update up to this seq has been applied here. */
  seq = 0;
  /** Sends that failed and were retried, by error code: a health figure for tests and benchmarks. */
  readonly retries: Record<string, number> = {};
  /** Updates acknowledged by the server since start, in the order sent. */
  readonly acknowledged: Uint8Array[] = [];

  private outbox: Uint8Array[] = [];
  /** Sent and not answered yet: several may be under way, as Yjs updates commute. */
  private inflight = new Set<Uint8Array>();
  private seenAbove = new Set<number>();
  private stopUpdates: (() => void) | null = null;
  private stopPresence: (() => void) | null = null;
  private offClientEvents: (() => void)[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private resubscribeTimer: ReturnType<typeof setTimeout> | null = null;
  private updates: object | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private started: boolean;
  private readOnly: boolean;
  /** Local edits made while read-only: sent if editing is allowed after all, dropped otherwise. */
  private held: Uint8Array[] = [];

  constructor(opts: DraftProviderOptions) {
    super();
    this.client = opts.client;
    this.transport = opts.transport ?? new GraphQLTransport(opts.client);
    this.draftId = opts.draftId;
    this.doc = opts.doc;
    this.awareness = opts.awareness;
    this.readOnly = opts.readOnly ?? false;
    this.clientId = String(this.doc.clientID);
    this.doc.on('update', this.onDocUpdate);
    this.awareness?.on('update', this.onAwarenessUpdate);
    this.offClientEvents.push(
      this.transport.onConnected(() => this.setStatus('connected')),
      this.transport.onClosed(() => this.onClosed()),
    );
    this.started = !opts.deferStart;
    if (this.started) this.subscribe();
  }

  /**
   * Starts a provider made with `deferStart`: applies `initial` (the draft's state as of `seq`),
   * then subscribes to what came after it.
   */
  start(initial?: { state: Uint8Array; seq: number }): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    if (initial) {
      if (initial.seq > this.seq) {
        Y.applyUpdate(this.doc, initial.state, this);
        this.seq = initial.seq;
      }
      this.loaded = true;
      this.emit('loaded', [this.seq]);
    }
    this.subscribe();
  }

  /**
   * Switches sending on or off without a new subscription: a page may open the draft before it
   * knows whether the person may edit it.
   */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    if (readOnly) return;
    this.outbox.push(...this.held);
    this.held = [];
    this.emit('pending', [this.pending]);
    this.flush();
  }

  /** Every local edit not acknowledged yet (in flight, waiting, or held while read-only), as one update. */
  unacknowledged(): Uint8Array | null {
    const all = [...this.inflight, ...this.outbox, ...this.held];
    if (all.length === 0) return null;
    return all.length === 1 ? all[0] : Y.mergeUpdates(all);
  }

  /** Unacknowledged local edits (sent or waiting). */
  get pending(): number {
    return this.outbox.length + this.inflight.size;
  }

  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (synced: boolean) => {
        if (!synced) return;
        this.off('synced', done);
        resolve();
      };
      this.on('synced', done);
    });
  }

  /** Resolves once every local edit made so far is acknowledged. */
  whenAcknowledged(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.pending > 0) return;
        this.off('pending', check);
        resolve();
      };
      this.on('pending', check);
    });
  }

  private setStatus(status: ProviderStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', [status]);
  }

  private subscribe(): void {
    // Ending the previous subscription ends its stream: only the current one's end counts.
    const current = {};
    this.updates = current;
    this.stopUpdates?.();
    this.stopUpdates = this.transport.subscribe(this.draftId, this.seq, this.clientId, {
      event: (event) => this.updates === current && this.receive(event),
      ended: (error) => this.updates === current && this.onStreamEnded(error),
    });
    const awareness = this.awareness;
    if (awareness) {
      this.stopPresence?.();
      this.stopPresence = this.client.subscribe<{ presence: { update: string } }>(
        { query: PRESENCE, variables: { draftId: this.draftId } },
        {
          next: ({ data }) =>
            data && applyAwarenessUpdate(awareness, fromBase64(data.presence.update), this),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      this.sendPresence();
    }
  }

  private receive(event: UpdateEvent): void {
    if (event.synced) {
      // A socket that was open before this provider gives no 'connected' event; a replay proves it.
      if (this.status !== 'connected') this.setStatus('connected');
      this.loaded = true;
      if (event.stateVector) this.sendWhatServerLacks(event.stateVector);
      if (!this.synced) {
        this.synced = true;
        this.emit('synced', [true]);
      }
      this.flush();
      return;
    }
    if (!event.durable) {
      // Sent before it is stored: apply it now; a stored mark gives its seq later.
      Y.applyUpdate(this.doc, event.update, this);
      return;
    }
    if (event.seq <= this.seq) return;
    if (event.update.length > EMPTY_UPDATE_LENGTH) Y.applyUpdate(this.doc, event.update, this);
    if (event.snapshot) this.seq = Math.max(this.seq, event.seq);
    else
      for (let s = Math.max(event.firstSeq || event.seq, this.seq + 1); s <= event.seq; s += 1)
        this.seenAbove.add(s);
    // Advance over what is now contiguous: events from several server instances may interleave.
    while (this.seenAbove.has(this.seq + 1)) this.seenAbove.delete(++this.seq);
    for (const s of this.seenAbove) if (s <= this.seq) this.seenAbove.delete(s);
  }

  /**
   * After a replay: what this document holds beyond the server's stored state goes up as an edit.
   * Updates reach editors before they are stored, so after a server crash an editor may hold
   * others' edits the server lost; whoever still has them sends them back.
   */
  private sendWhatServerLacks(server: Uint8Array): void {
    if (this.readOnly) return;
    const known = Y.decodeStateVector(server);
    let ahead = false;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc)))
      if (clock > (known.get(client) ?? 0)) ahead = true;
    if (!ahead) return;
    this.outbox.push(Y.encodeStateAsUpdate(this.doc, server));
    this.emit('pending', [this.pending]);
  }

  /**
   * The server ended the draft's stream while the socket stayed open (its database was away when
   * the replay began, or the replay failed): without a new subscription this editor would stop
   * receiving the others' edits. A closed socket is the 'closed' handler's to deal with.
   */
  private onStreamEnded(error: RequestError | null): void {
    if (this.destroyed || this.resubscribeTimer) return;
    if (error) this.emit('error', [error]);
    // Refused for good (the draft is gone, the session cannot read it): asking again changes nothing.
    if (error && !error.retryable) return;
    this.resubscribeTimer = setTimeout(() => {
      this.resubscribeTimer = null;
      if (!this.destroyed && this.status !== 'disconnected') this.subscribe();
    }, 500);
  }

  private onClosed(): void {
    if (this.destroyed) return;
    this.setStatus('disconnected');
    if (this.synced) {
      this.synced = false;
      this.emit('synced', [false]);
    }
    // Subscribe again (from the last seq) once the client has reconnected; resend what was in flight.
    const off = this.transport.onConnected(() => {
      off();
      if (this.destroyed) return;
      if (this.started) this.subscribe();
      this.flush();
    });
    this.offClientEvents.push(off);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    if (this.readOnly) {
      this.held.push(update);
      return;
    }
    this.outbox.push(update);
    this.emit('pending', [this.pending]);
    // A microtask later, so that the edits of one keystroke or one paste go up together.
    queueMicrotask(() => this.flush());
  };

  /**
   * Sends everything waiting as one merged update, without waiting for the answers to earlier
   * ones (up to MAX_IN_FLIGHT requests): an acknowledgement means stored, which takes a database
   * write, and the others should not wait for that to see the next keystroke.
   */
  private flush(): void {
    if (this.destroyed || this.retryTimer || this.status === 'disconnected') return;
    if (this.outbox.length === 0 || this.inflight.size >= MAX_IN_FLIGHT) return;
    const update = this.outbox.length === 1 ? this.outbox[0] : Y.mergeUpdates(this.outbox);
    this.outbox = [];
    this.inflight.add(update);
    this.transport
      .send(this.draftId, this.clientId, update)
      .then((seq) => {
        this.inflight.delete(update);
        this.acknowledged.push(update);
        this.emit('acked', [seq]);
        this.flush();
        this.emit('pending', [this.pending]);
      })
      .catch((err: RequestError) => {
        if (this.destroyed) return;
        this.inflight.delete(update);
        if (!err.retryable) {
          // Refused for good (not allowed, invalid): dropping it is the only way forward.
          this.emit('error', [err]);
          this.flush();
          this.emit('pending', [this.pending]);
          return;
        }
        this.retries[err.code] = (this.retries[err.code] ?? 0) + 1;
        // Put it back in front of newer edits and try again: after the reconnect, or after a pause
        // (the server's, when it asks to slow down), then merged with what was typed meanwhile.
        this.outbox.unshift(update);
        if (this.retryTimer) return;
        this.retryTimer = setTimeout(
          () => {
            this.retryTimer = null;
            this.flush();
          },
          err.retryAfterMs ?? (err.code === 'NETWORK' ? 250 : 500),
        );
      });
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    const mine = [...added, ...updated, ...removed].includes(this.doc.clientID);
    if (mine && !this.presenceTimer) this.presenceTimer = setTimeout(() => this.sendPresence(), 30);
  };

  private sendPresence(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    if (!this.awareness || this.status === 'disconnected') return;
    const update = toBase64(encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    request(this.client, UPDATE_PRESENCE, { draftId: this.draftId, update }).catch(() => undefined);
  }

  override destroy(): void {
    if (this.destroyed) return;
    if (this.awareness) {
      removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
      this.sendPresence();
    }
    this.destroyed = true;
    this.updates = null;
    this.doc.off('update', this.onDocUpdate);
    this.awareness?.off('update', this.onAwarenessUpdate);
    for (const off of this.offClientEvents) off();
    this.stopUpdates?.();
    this.stopPresence?.();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    super.destroy();
  }
}
