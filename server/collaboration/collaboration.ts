import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../graphql/context';
import { authorize } from '../graphql/auth-checker';
import { logger } from '../logger';
import { draftPolicy } from '../modules/drafts/draft.policy';
import { findDraft } from '../modules/drafts/draft.service';
import { EventQueue } from '../pubsub/iterate';
import type { AppPubSub } from '../pubsub/pubsub';
import { publishDraftChanged } from '../pubsub/draft-changed';
import { DraftUpdatePayload, Topic } from '../pubsub/topics';
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
  private draftRefs = new Map<string, { workingGroupId: Types.ObjectId }>();

  constructor(
    private readonly pubSub: AppPubSub,
    private readonly options: CollaborationOptions,
  ) {
    this.log = new UpdateLog((draftId, stored) => this.stored(draftId, stored));
    this.presence = new PresenceRegistry(this.instanceId, pubSub, (draftId) => publishDraftChanged(pubSub, draftId));
    this.activity = new EditActivity(pubSub);
  }

  /** Validates, authorizes, stores durably; resolves with the update's seq once it is stored. */
  async applyUpdate(user: AuthUser, draftId: Types.ObjectId, base64: string, clientId: string | null, senderKey: string): Promise<number> {
    const update = decodeUpdate(base64);
    this.throttle.take(senderKey, update.byteLength);
    authorize(draftPolicy.edit(user, await this.draftRef(draftId)), 'Only members of this working group, the Chair and the Secretariat may edit this draft.');
    return this.log.append(draftId, { update, clientId, userId: user._id });
  }

  /** A draft's working group never changes, so it is looked up once, not on every keystroke. */
  private async draftRef(draftId: Types.ObjectId): Promise<{ workingGroupId: Types.ObjectId }> {
    const key = draftId.toHexString();
    let ref = this.draftRefs.get(key);
    if (!ref) {
      ref = { workingGroupId: (await findDraft(draftId)).workingGroupId };
      this.draftRefs.set(key, ref);
    }
    return ref;
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
    this.presence.close();
    await Promise.allSettled([...this.compacting.values(), this.activity.drain()]);
  }
}
