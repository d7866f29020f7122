import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../graphql/context';
import { authorize } from '../graphql/auth-checker';
import { draftLocked } from '../graphql/errors';
import { logger } from '../logger';
import { DraftStatus } from '../modules/drafts/draft-status';
import type { DraftDoc } from '../modules/drafts/draft.model';
import { draftPolicy } from '../modules/drafts/draft.policy';
import { findDraft } from '../modules/drafts/draft.service';
import { EventQueue } from '../pubsub/iterate';
import type { AppPubSub } from '../pubsub/pubsub';
import { publishDraftChanged } from '../pubsub/draft-changed';
import { ALL, DraftUpdatePayload, Topic } from '../pubsub/topics';
import { compactDraft } from './compaction';
import { EditActivity } from './edit-activity';
import { readLog } from './document-state';
import { PresenceOwner, PresenceRegistry } from './presence';
import { Throttle } from './throttle';
import { decodeUpdate, encodeUpdate } from './update-codec';
import { StoredUpdate, UpdateLog } from './update-log';

export interface DraftUpdateEvent extends DraftUpdatePayload {
  /** True on the one event that ends a replay: the subscriber has everything stored so far. */
  synced?: boolean;
}

export interface CollaborationOptions {
  /** Compact a draft once this many updates were stored for it since its last compaction here. */
  compactEvery: number;
}

const EMPTY_UPDATE = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));

/** What an edit is checked against: who may edit (the group never changes) and whether the text is frozen. */
interface DraftGate {
  workingGroupId: Types.ObjectId;
  status: DraftStatus;
  statusChangedAt: number;
}

/**
 * How long a draft's status is trusted without news before it is read again. Status changes
 * arrive through pub/sub at once; this only bounds how long a lost Redis message (a reconnect)
 * could leave this instance accepting edits to an adopted draft.
 */
const STATUS_RECHECK_MS = 10_000;

const gateOf = (draft: Pick<DraftDoc, 'workingGroupId' | 'status' | 'statusChangedAt'>): DraftGate => ({
  workingGroupId: draft.workingGroupId,
  status: draft.status as DraftStatus,
  statusChangedAt: draft.statusChangedAt?.getTime() ?? 0,
});

/**
 * The co-editing side of one server instance: the group-committed update log, live fan-out
 * through pub/sub, replay for (re)connecting clients, compaction, presence and throttling.
 */
export class Collaboration {
  readonly instanceId = randomUUID();
  readonly log: UpdateLog;
  readonly presence: PresenceRegistry;
  readonly activity: EditActivity;
  /** Executions of draftUpdates selections: with shared execution, one per event, not one per subscriber. */
  readonly fanOut = { executions: 0 };
  private readonly throttle = new Throttle(100, 200, 4 * 1024 * 1024);
  private sinceCompaction = new Map<string, number>();
  private compacting = new Map<string, Promise<unknown>>();
  private gates = new Map<string, { gate: DraftGate; readAt: number }>();
  private reading = new Map<string, Promise<DraftGate>>();
  private readonly stopStatusWatch: () => void;

  constructor(
    private readonly pubSub: AppPubSub,
    private readonly options: CollaborationOptions,
  ) {
    this.log = new UpdateLog((draftId, stored) => this.stored(draftId, stored));
    this.presence = new PresenceRegistry(this.instanceId, pubSub, (draftId) => publishDraftChanged(pubSub, draftId));
    this.activity = new EditActivity(pubSub);
    // Status changes made on any instance (through Redis when there are several).
    this.stopStatusWatch = pubSub.listen(Topic.DraftStatusChanged, ALL, (draft) => this.statusChanged(draft));
  }

  /** Validates, authorizes, stores durably; resolves with the update's seq once it is stored. */
  async applyUpdate(user: AuthUser, draftId: Types.ObjectId, base64: string, clientId: string | null, senderKey: string): Promise<number> {
    const update = decodeUpdate(base64);
    this.throttle.take(senderKey, update.byteLength);
    const gate = await this.gate(draftId);
    authorize(draftPolicy.write(user, gate), 'Only members of this working group, the Chair and the Secretariat may edit this draft.');
    // The race left open: an edit that passed this check just before the status changed (on this
    // instance, or on another one before its pub/sub message arrived) is still stored, a few
    // milliseconds after the adoption. Closing it would take a database read per keystroke.
    if (draftPolicy.locked(gate)) throw draftLocked();
    return this.log.append(draftId, { update, clientId, userId: user._id });
  }

  /**
   * Keeps the edit check's copy of a draft's status current. Called through pub/sub on every
   * instance, and directly by the instance that made the change, so that it refuses edits from the
   * moment it answers (its own message comes back through Redis only later).
   */
  statusChanged(draft: Pick<DraftDoc, '_id' | 'workingGroupId' | 'status' | 'statusChangedAt'>): void {
    this.remember(draft._id.toHexString(), gateOf(draft));
  }

  private remember(key: string, next: DraftGate): DraftGate {
    const known = this.gates.get(key);
    // Two quick changes, or a read and a change, may arrive crossed: the later change wins.
    if (known && known.gate.statusChangedAt > next.statusChangedAt) return known.gate;
    this.gates.set(key, { gate: next, readAt: Date.now() });
    return next;
  }

  /** A draft's group and status, read once and then kept current by status changes, not per keystroke. */
  private gate(draftId: Types.ObjectId): DraftGate | Promise<DraftGate> {
    const key = draftId.toHexString();
    const known = this.gates.get(key);
    if (known && Date.now() - known.readAt < STATUS_RECHECK_MS) return known.gate;
    let reading = this.reading.get(key);
    if (!reading) {
      reading = findDraft(draftId)
        .then((draft) => this.remember(key, gateOf(draft)))
        .finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private stored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const id = draftId.toHexString();
    for (const s of stored) {
      this.pubSub.publish(Topic.DraftUpdate, id, { draftId: id, seq: s.seq, update: encodeUpdate(s.update), clientId: s.clientId, snapshot: false });
    }
    this.activity.record(draftId, stored.length, stored[stored.length - 1].userId);
    const count = (this.sinceCompaction.get(id) ?? 0) + stored.length;
    this.sinceCompaction.set(id, count);
    if (count >= this.options.compactEvery && !this.compacting.has(id)) {
      this.sinceCompaction.set(id, 0);
      const run = compactDraft(draftId)
        .catch((err) => logger.error({ err, draftId: id }, 'compaction failed; the log stays as it is'))
        .finally(() => this.compacting.delete(id));
      this.compacting.set(id, run);
    }
  }

  /**
   * Stored updates of a draft as a stream. With afterSeq, it first replays what came after it
   * (the snapshot standing in for compacted entries), marks the end of the replay with a
   * `synced` event, then goes on live; events seen in the replay are not sent twice.
   */
  stream(draftId: Types.ObjectId, afterSeq: number | null): AsyncIterableIterator<DraftUpdateEvent> {
    const id = draftId.toHexString();
    let unlisten = () => {};
    const queue = new EventQueue<DraftUpdateEvent>(() => unlisten());
    if (afterSeq === null) {
      // The published object itself, shared by every subscriber, so one execution can serve them all.
      unlisten = this.pubSub.listen(Topic.DraftUpdate, id, (p) => queue.push(p));
      return queue;
    }
    let replaying = true;
    const held: DraftUpdatePayload[] = [];
    // Listening starts before reading, so nothing stored during the replay is missed.
    unlisten = this.pubSub.listen(Topic.DraftUpdate, id, (p) => (replaying ? held.push(p) : queue.push(p)));
    void (async () => {
      let last = afterSeq;
      for await (const entry of readLog(draftId, afterSeq)) {
        queue.push({ draftId: id, seq: entry.seq, update: encodeUpdate(entry.update), clientId: entry.clientId, snapshot: entry.fromSnapshot, synced: false });
        last = Math.max(last, entry.seq);
      }
      queue.push({ draftId: id, seq: last, update: EMPTY_UPDATE, clientId: null, snapshot: false, synced: true });
      replaying = false;
      // Held events go out even when the replay passed their seq: another instance's update may
      // have been committed after the replay read past it. Subscribers skip what they have.
      for (const p of held) queue.push(p);
    })().catch((err: Error) => queue.fail(err));
    return queue;
  }

  /** Applies a presence update, under the same per-connection throttle as edits. */
  updatePresence(draftId: string, base64: string, owner: Omit<PresenceOwner, 'clientId'>): void {
    this.throttle.take(owner.connectionId ?? `user:${owner.userId}`, base64.length);
    this.presence.apply(draftId, base64, owner);
  }

  connectionClosed(connectionId: string): void {
    this.presence.connectionClosed(connectionId);
    this.throttle.forget(connectionId);
  }

  async close(): Promise<void> {
    this.stopStatusWatch();
    this.presence.close();
    await Promise.allSettled([...this.compacting.values(), this.activity.drain()]);
  }
}
