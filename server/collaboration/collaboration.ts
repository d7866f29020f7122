import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../core/auth-user';
import { logger } from '../logger';
import type { RevisionsPort } from '../modules/revisions/revision.service';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { DraftTextPort } from '../modules/versions/draft-text';
import { EventQueue } from '../pubsub/iterate';
import type { AppPubSub } from '../pubsub/pubsub';
import { DraftUpdatePayload, Topic } from '../pubsub/topics';
import { CompactionResult, compactDraft } from './compaction';
import { countUpdatesAfter, type LoadedState, loadState, readLog } from './document-state';
import { DraftHolds } from './draft-holds';
import type { StatusChange } from './edit-gate';
import type { CollaborationCore, CollaborationExtension, DraftUpdateEvent } from './extension';
import { BuiltIns, builtInExtensions } from './extensions';
import type { ParagraphStatusNews } from './paragraph-locks';
import type { PresenceOwner, PresenceRegistry } from './presence';
import { StoredMarks } from './stored-marks';
import { EMPTY_UPDATE, type SubscriberSelf, SubscriberView, storedEvent } from './subscriber-view';
import { checkUpdate, decodeUpdate, encodeUpdate } from './update-codec';
import { StoredUpdate, UpdateLog } from './update-log';
import { WriteLane } from './write-lane';

export type { DraftUpdateEvent };

function pushAll<T>(queue: EventQueue<T>, events: T[]): void {
  for (const e of events) queue.push(e);
}

export interface CollaborationOptions {
  /** Compact a draft once this many updates were stored for it. */
  compactEvery: number;
  /** Least time between two compactions of a draft, unless its log is ten times the bound. */
  compactMinIntervalMs?: number;
  /** Shortest time between two writes of the update log (group commit). */
  commitIntervalMs?: number;
  /** Updates accepted and not yet stored beyond which new ones are refused for a moment. */
  maxBacklog?: number;
  /** A person's revision closes once they have not edited for this long. */
  revisionGapMs?: number;
  /** How long the history recorders wait before a write (tests of a kill in between; default 0). */
  historyWriteDelayMs?: number;
  /** How long a draft nobody holds stays loaded (a reconnect within it finds it ready). */
  idleMs?: number;
  /** Where stored edits, activity and presence are announced: the instance's one bus, which its
   * processors listen to (a bus of its own would drop them silently). */
  events: DomainEvents;
}

const DEFAULT_IDLE_MS = 30_000;
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

type NoticeHook =
  | 'onStored'
  | 'onCompacted'
  | 'onOpened'
  | 'onClosed'
  | 'onUnload'
  | 'onDelivered'
  | 'onConnectionClosed';
type NoticeArgs<H extends NoticeHook> = Parameters<NonNullable<CollaborationExtension[H]>>;

/**
 * The co-editing core of one server instance: the group-committed update log, live fan-out
 * through pub/sub, replay for (re)connecting clients and the life of each draft loaded here.
 * Everything else (edit checks, throttling, presence, activity, compaction) is an extension
 * (extensions.ts) reached through hooks.
 */
export class Collaboration implements CollaborationCore, DraftTextPort, RevisionsPort {
  readonly instanceId = randomUUID();
  /** The co-editing layer's writes, one at a time (see WriteLane). */
  readonly writes = new WriteLane();
  readonly log: UpdateLog;
  private readonly builtIns: BuiltIns;
  private readonly extensions: CollaborationExtension[];
  private readonly holds: DraftHolds;
  private compacting = new Map<string, Promise<CompactionResult>>();
  /** Numbers the updates this instance sends live, so each subscriber knows which it was sent. */
  private tickets = 0;
  /** Per draft, the edits accepted here and not yet stored (see editsSettled). */
  private readonly unstored = new Map<string, Set<Promise<number>>>();
  private readonly marks = new StoredMarks((id, entries) =>
    this.pubSub.publish(Topic.DraftUpdate, id, { kind: 'stored', draftId: id, entries }),
  );
  readonly events: DomainEvents;

  constructor(
    readonly pubSub: AppPubSub,
    options: CollaborationOptions,
  ) {
    this.events = options.events;
    this.holds = new DraftHolds(options.idleMs ?? DEFAULT_IDLE_MS, {
      opened: (draftId) => this.notify('onOpened', draftId),
      closed: (draftId) => this.notify('onClosed', draftId),
      unload: (draftId) => this.unload(draftId),
    });
    this.log = new UpdateLog(
      (draftId, stored) => this.stored(draftId, stored),
      (draftId) => this.hold(draftId),
      options.commitIntervalMs === undefined ? {} : { commitIntervalMs: options.commitIntervalMs },
      this.writes,
    );
    this.builtIns = builtInExtensions(this, {
      compactEvery: options.compactEvery,
      compactMinIntervalMs: options.compactMinIntervalMs,
      revisionGapMs: options.revisionGapMs,
      historyWriteDelayMs: options.historyWriteDelayMs,
      backlog:
        options.maxBacklog === undefined
          ? undefined
          : { maxUpdates: options.maxBacklog, maxBytes: 32 * 1024 * 1024 },
    });
    this.extensions = Object.values(this.builtIns);
  }

  get presence(): PresenceRegistry {
    return this.builtIns.presence;
  }

  /** Adds an extension after the built-in ones (a metric, an audit); returns its removal. */
  use(extension: CollaborationExtension): () => void {
    this.extensions.push(extension);
    return () => {
      const at = this.extensions.indexOf(extension);
      if (at >= 0) this.extensions.splice(at, 1);
    };
  }

  hold(draftId: string): () => void {
    return this.holds.hold(draftId);
  }

  /**
   * Validates and checks an update (beforeStore hooks), sends it to the draft's editors at once,
   * then stores it durably; resolves with the seq once stored. Yjs updates commute and are
   * idempotent, so peers may apply it before it is stored; should this instance die before the
   * write, the sender still holds it unacknowledged, and every editor that received it sends it
   * again when it resynchronises (see `stream`).
   */
  applyUpdate(
    user: AuthUser,
    draftId: Types.ObjectId,
    base64: string,
    clientId: string | null,
    senderKey: string,
  ): Promise<number> {
    return this.accept(user, draftId, decodeUpdate(base64), base64, clientId, senderKey, user._id);
  }

  /** The same as `applyUpdate`, for an update that came as bytes (the binary socket). */
  applyUpdateBytes(
    user: AuthUser,
    draftId: Types.ObjectId,
    bytes: Uint8Array,
    clientId: string | null,
    senderKey: string,
  ): Promise<number> {
    const update = checkUpdate(bytes);
    return this.accept(user, draftId, update, encodeUpdate(update), clientId, senderKey, user._id);
  }

  private async accept(
    user: AuthUser,
    draftId: Types.ObjectId,
    update: Uint8Array,
    base64: string,
    clientId: string | null,
    senderKey: string,
    /** Who it is stored as written by (null: nobody, see `applyServerUpdate`). */
    author: Types.ObjectId | null,
  ): Promise<number> {
    const id = draftId.toHexString();
    const release = this.hold(id);
    try {
      const incoming = { user, draftId, update, senderKey };
      for (const extension of this.extensions) {
        // Awaited only when a hook is asynchronous: this runs on every keystroke.
        const pending = extension.beforeStore?.(incoming);
        if (pending) await pending;
      }
      this.builtIns.backpressure.beforeQueue();
      this.tickets += 1;
      const ticket = { origin: this.instanceId, ticket: this.tickets };
      this.pubSub.publish(Topic.DraftUpdate, id, {
        kind: 'live',
        draftId: id,
        update: base64,
        clientId,
        sender: senderKey,
        ...ticket,
      });
      const stored = this.log.append(draftId, {
        update,
        clientId,
        userId: author,
        ticket,
        encoded: base64,
      });
      this.trackUnstored(id, stored);
      return await stored;
    } finally {
      release();
    }
  }

  /** The whole stored document as one update, and the seq it was read at. */
  loadState(draftId: Types.ObjectId): Promise<LoadedState> {
    return loadState(draftId);
  }

  /**
   * An update the server made for `user` (a restore), through the same path as their edit: the
   * checks, the live relay (to every editor: no clientId), the log; resolves with its seq. A
   * housekeeping update (paragraph ids) is stored without an author.
   */
  applyServerUpdate(
    user: AuthUser,
    draftId: Types.ObjectId,
    update: Uint8Array,
    options: { housekeeping?: boolean } = {},
  ): Promise<number> {
    const author = options.housekeeping ? null : user._id;
    return this.accept(
      user,
      draftId,
      checkUpdate(update),
      encodeUpdate(update),
      null,
      `server:${user.id}`,
      author,
    );
  }

  /** Stored updates after `afterSeq` by others than `exceptUserId`, as far as the log holds them. */
  countUpdatesAfter(
    draftId: Types.ObjectId,
    afterSeq: number,
    exceptUserId: Types.ObjectId,
  ): Promise<{ count: number; complete: boolean }> {
    return countUpdatesAfter(draftId, afterSeq, exceptUserId);
  }

  /**
   * Resolves once every edit this instance accepted so far for the draft is stored (or refused by
   * the log): a text frozen right after its lock (the silence procedure) then holds all of them.
   */
  async editsSettled(draftId: string): Promise<void> {
    await Promise.allSettled([...(this.unstored.get(draftId) ?? [])]);
  }

  private trackUnstored(draftId: string, stored: Promise<number>): void {
    let set = this.unstored.get(draftId);
    if (!set) {
      set = new Set();
      this.unstored.set(draftId, set);
    }
    set.add(stored);
    const done = () => {
      set.delete(stored);
      if (set.size === 0 && this.unstored.get(draftId) === set) this.unstored.delete(draftId);
    };
    stored.then(done, done);
  }

  /** Resolves once who wrote what in the updates stored so far is recorded. */
  attributionRecorded(draftId: string): Promise<void> {
    return this.builtIns.attribution.flushed(draftId);
  }

  /** Resolves once the edits stored so far are in the draft's revisions. */
  revisionsRecorded(draftId: string): Promise<void> {
    return this.builtIns.revisions.flushed(draftId);
  }

  /** Keeps the edit check's copy of a draft's status current (see EditGate). */
  statusChanged(draft: StatusChange): void {
    this.builtIns.editGate.statusChanged(draft);
  }

  /** Keeps the paragraph lock's copy of a draft's agreed paragraphs current (see ParagraphLocks). */
  paragraphStatusChanged(change: ParagraphStatusNews): void {
    this.builtIns.paragraphLocks.statusChanged(change);
  }

  compact(draftId: Types.ObjectId): Promise<CompactionResult> {
    const id = draftId.toHexString();
    const running = this.compacting.get(id);
    if (running) return running;
    const release = this.hold(id);
    const run = compactDraft(
      draftId,
      async (step) => {
        for (const extension of this.extensions) await extension.onCompactionStep?.(id, step);
      },
      async () => {
        for (const extension of this.extensions) {
          const kept = await extension.keptState?.(id);
          if (kept) return kept;
        }
        return null;
      },
    )
      .then((result) => {
        this.notify('onCompacted', id, result);
        return result;
      })
      .finally(() => {
        this.compacting.delete(id);
        release();
      });
    this.compacting.set(id, run);
    return run;
  }

  isCompacting(draftId: string): boolean {
    return this.compacting.has(draftId);
  }

  backlog(): { updates: number; bytes: number } {
    return this.log.backlog;
  }

  private stored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const id = draftId.toHexString();
    const entries = stored.map((s) => ({
      seq: s.seq,
      update: s.encoded ?? encodeUpdate(s.update),
      clientId: s.clientId,
      origin: s.ticket?.origin ?? '',
      ticket: s.ticket?.ticket ?? 0,
    }));
    this.marks.add(id, entries);
    this.notify('onStored', draftId, stored);
    const last = stored[stored.length - 1];
    this.events.emit('draft.edited', {
      draftId: id,
      lastSeq: last.seq,
      count: stored.length,
      userId: last.userId,
    });
  }

  /**
   * A draft's updates as a stream: live ones as they are accepted, then a mark for each stored
   * write (with the bytes of any update of it this subscriber was not sent live). With afterSeq, it
   * first replays what was stored after it (the snapshot standing in for compacted entries), then
   * a `synced` event with the stored document's state vector, then goes on live. Events seen in
   * the replay may come again; applying a Yjs update twice changes nothing.
   */
  stream(
    draftId: Types.ObjectId,
    afterSeq: number | null,
    self: SubscriberSelf | null = null,
  ): EventQueue<DraftUpdateEvent> {
    const id = draftId.toHexString();
    const release = this.hold(id);
    let unlisten = () => {};
    const queue = new EventQueue<DraftUpdateEvent>(() => {
      unlisten();
      release();
    });
    const subscriber = new SubscriberView(self);
    if (afterSeq === null) {
      unlisten = this.pubSub.listen(Topic.DraftUpdate, id, (p) =>
        pushAll(queue, subscriber.events(p)),
      );
      return queue;
    }
    let replaying = true;
    const held: DraftUpdatePayload[] = [];
    // Listening starts before reading, so nothing stored during the replay is missed.
    let last = afterSeq;
    // A mark only for seqs the subscriber said it has, or without bytes for seqs the replay gave,
    // says nothing new: it is dropped.
    const news = (e: DraftUpdateEvent) =>
      !(e.durable && (e.seq <= afterSeq || (e.update === EMPTY_UPDATE && e.seq <= last)));
    unlisten = this.pubSub.listen(Topic.DraftUpdate, id, (p) =>
      replaying ? held.push(p) : pushAll(queue, subscriber.events(p).filter(news)),
    );
    void (async () => {
      const all: Uint8Array[] = [];
      for await (const entry of readLog(draftId, 0)) {
        all.push(entry.update);
        if (entry.seq <= afterSeq) continue;
        queue.push(
          storedEvent(
            id,
            entry.seq,
            entry.seq,
            encodeUpdate(entry.update),
            entry.clientId,
            entry.fromSnapshot,
          ),
        );
        last = Math.max(last, entry.seq);
      }
      const stateVector = encodeUpdate(
        all.length === 0
          ? EMPTY_STATE_VECTOR
          : Y.encodeStateVectorFromUpdate(all.length === 1 ? all[0] : Y.mergeUpdates(all)),
      );
      queue.push({
        ...storedEvent(id, last, last, EMPTY_UPDATE, null, false),
        synced: true,
        stateVector,
      });
      replaying = false;
      // Held events go out even when the replay passed their seq: another instance's update may
      // have been committed after the replay read past it. Subscribers skip what they have.
      for (const p of held) pushAll(queue, subscriber.events(p).filter(news));
    })().catch((err: Error) => queue.fail(err));
    return queue;
  }

  /** An event of `stream` is being executed for its subscribers. */
  delivered(event: DraftUpdateEvent): void {
    this.notify('onDelivered', event);
  }

  /** Loaded here: someone holds it (or did a moment ago), so it exists (drafts are never deleted). */
  isLoaded(draftId: string): boolean {
    return this.holds.isLoaded(draftId);
  }

  /** Applies a presence update, under the same per-connection throttle as edits. */
  updatePresence(draftId: string, base64: string, owner: Omit<PresenceOwner, 'clientId'>): void {
    const incoming = {
      draftId,
      bytes: base64.length,
      senderKey: owner.connectionId ?? `user:${owner.userId}`,
    };
    for (const extension of this.extensions) extension.beforePresence?.(incoming);
    this.presence.apply(draftId, base64, owner);
  }

  connectionClosed(connectionId: string): void {
    this.notify('onConnectionClosed', connectionId);
  }

  /** Sizes of everything kept per draft (and per sender) on this instance; all 0 when idle. */
  stats(): Record<string, number> {
    const sizes: Record<string, number> = {
      drafts: this.holds.size,
      holders: this.holds.holders,
      logs: this.log.size,
      compacting: this.compacting.size,
      marks: this.marks.size,
    };
    for (const extension of this.extensions) {
      for (const [key, value] of Object.entries(extension.stats?.() ?? {}))
        sizes[`${extension.name}.${key}`] = value;
    }
    return sizes;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.compacting.values());
    for (const extension of this.extensions) {
      try {
        await extension.onDestroy?.();
      } catch (err) {
        logger.error({ err, extension: extension.name }, 'collaboration extension failed to stop');
      }
    }
    this.marks.flush();
    this.holds.unloadAll();
  }

  private unload(draftId: string): void {
    this.log.drop(draftId);
    this.notify('onUnload', draftId);
  }

  /** A hook that fails is logged; it must not stop the others, nor the write that called it. */
  private notify<H extends NoticeHook>(hook: H, ...args: NoticeArgs<H>): void {
    for (const extension of this.extensions) {
      const fn = extension[hook] as ((...a: NoticeArgs<H>) => void) | undefined;
      if (!fn) continue;
      try {
        fn.apply(extension, args);
      } catch (err) {
        logger.error(
          { err, extension: extension.name, hook },
          'collaboration extension hook failed',
        );
      }
    }
  }
}
