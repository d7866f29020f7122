import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { badInput } from '../core/errors';
import type { AppPubSub } from '../pubsub/pubsub';
import { PresencePayload, Topic } from '../pubsub/topics';
import type { CollaborationExtension } from './extension';
import { encodeUpdate } from './update-codec';

export const MAX_PRESENCE_BYTES = 64 * 1024;

export interface PresenceOwner {
  clientId: number;
  userId: string;
  name: string;
  /** The WebSocket connection that announced it: its closing removes the entry. */
  connectionId: string | null;
}

interface DraftPresence {
  awareness: Awareness;
  owners: Map<number, PresenceOwner>;
  watchers: Set<(change: PresenceChange) => void>;
  unlisten: () => void;
  /** Set while someone is present or watching: the draft stays loaded. */
  release: (() => void) | null;
}

export interface PresenceChange {
  draftId: string;
  update: string;
}

/**
 * Who is in which draft, as Yjs awareness states (name, colour, cursor). Each instance keeps an
 * Awareness per draft, fed by its own connections and by the other instances through pub/sub.
 * An entry leaves when the connection that announced it closes, or when it is not renewed within
 * the awareness timeout (30 s; clients renew every 15 s). A draft's presence (and, with Redis, its
 * channel subscription) is kept while someone is present or watching, then dropped with the draft.
 */
export class PresenceRegistry implements CollaborationExtension {
  readonly name = 'presence';
  private drafts = new Map<string, DraftPresence>();

  constructor(
    private readonly instanceId: string,
    private readonly pubSub: AppPubSub,
    private readonly hold: (draftId: string) => () => void,
    /** Someone opened or left a draft here (remote changes are announced by their own instance). */
    private readonly onJoinOrLeave: (draftId: string) => void = () => {},
  ) {}

  private draft(draftId: string): DraftPresence {
    let entry = this.drafts.get(draftId);
    if (entry) return entry;
    // A look that finds nobody still loads the draft: the idle delay then drops it again.
    this.hold(draftId)();
    const awareness = new Awareness(new Y.Doc());
    // The server has no presence of its own.
    awareness.setLocalState(null);
    const owners = new Map<number, PresenceOwner>();
    const watchers = new Set<(change: PresenceChange) => void>();
    awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        for (const id of removed) owners.delete(id);
        if ((added.length > 0 || removed.length > 0) && origin !== 'remote')
          this.onJoinOrLeave(draftId);
        this.settle(draftId);
        if (watchers.size === 0) return;
        // Encoded once and the same object handed to every watcher.
        const change = {
          draftId,
          update: encodeUpdate(
            encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]),
          ),
        };
        for (const watcher of watchers) watcher(change);
      },
    );
    const unlisten = this.pubSub.listen(Topic.Presence, draftId, (payload) =>
      this.applyRemote(payload),
    );
    entry = { awareness, owners, watchers, unlisten, release: null };
    this.drafts.set(draftId, entry);
    return entry;
  }

  private settle(draftId: string): void {
    const entry = this.drafts.get(draftId);
    if (!entry) return;
    const busy = entry.watchers.size > 0 || entry.awareness.getStates().size > 0;
    if (busy && !entry.release) entry.release = this.hold(draftId);
    if (!busy && entry.release) {
      entry.release();
      entry.release = null;
    }
  }

  /** Applies a client's awareness update; the states it sets are owned by the signed-in person. */
  apply(draftId: string, base64: string, owner: Omit<PresenceOwner, 'clientId'>): void {
    const bytes = Buffer.from(base64, 'base64');
    if (
      bytes.byteLength === 0 ||
      bytes.byteLength > MAX_PRESENCE_BYTES ||
      bytes.toString('base64') !== base64
    ) {
      throw badInput(
        `update must be a base64 awareness update of at most ${MAX_PRESENCE_BYTES} bytes.`,
        'update',
      );
    }
    const { awareness, owners } = this.draft(draftId);
    let changed: number[] = [];
    const collect = ({
      added,
      updated,
      removed,
    }: {
      added: number[];
      updated: number[];
      removed: number[];
    }) => {
      changed = [...added, ...updated, ...removed];
    };
    awareness.on('update', collect);
    try {
      applyAwarenessUpdate(awareness, new Uint8Array(bytes), owner.connectionId ?? 'http');
    } catch {
      throw badInput('update does not decode as an awareness update.', 'update');
    } finally {
      awareness.off('update', collect);
    }
    for (const clientId of changed) {
      const known = owners.get(clientId);
      if (known && known.userId !== owner.userId) continue;
      if (awareness.getStates().has(clientId)) owners.set(clientId, { ...owner, clientId });
    }
    const payload: PresencePayload = {
      draftId,
      update: base64,
      owners: changed.flatMap((id) => {
        const o = owners.get(id);
        return o ? [{ clientId: id, userId: o.userId, name: o.name }] : [];
      }),
      origin: this.instanceId,
    };
    this.pubSub.publish(Topic.Presence, draftId, payload);
  }

  private applyRemote(payload: PresencePayload): void {
    if (payload.origin === this.instanceId) return;
    const { awareness, owners } = this.draft(payload.draftId);
    for (const o of payload.owners) owners.set(o.clientId, { ...o, connectionId: null });
    applyAwarenessUpdate(
      awareness,
      new Uint8Array(Buffer.from(payload.update, 'base64')),
      'remote',
    );
  }

  /** Removes every entry the connection announced, here and on the other instances. */
  connectionClosed(connectionId: string): void {
    for (const [draftId, { awareness, owners }] of this.drafts) {
      const gone = [...owners.values()]
        .filter((o) => o.connectionId === connectionId)
        .map((o) => o.clientId);
      if (gone.length === 0) continue;
      // The removal bumps each clock, so the encoded update (state null) supersedes what peers hold.
      removeAwarenessStates(awareness, gone, 'closed');
      const update = encodeAwarenessUpdate(awareness, gone);
      this.pubSub.publish(Topic.Presence, draftId, {
        draftId,
        update: encodeUpdate(update),
        owners: [],
        origin: this.instanceId,
      });
    }
  }

  /** The full current presence of a draft, as one awareness update. */
  current(draftId: string): string {
    const { awareness } = this.draft(draftId);
    return encodeUpdate(encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]));
  }

  entries(draftId: string): { owner: PresenceOwner; state: Record<string, unknown> }[] {
    const { awareness, owners } = this.draft(draftId);
    return [...awareness.getStates().entries()].flatMap(([clientId, state]) => {
      const owner = owners.get(clientId);
      return owner ? [{ owner, state: state as Record<string, unknown> }] : [];
    });
  }

  /** Every change of the draft's presence on this instance, as awareness updates. */
  watch(draftId: string, onChange: (change: PresenceChange) => void): () => void {
    const { watchers } = this.draft(draftId);
    watchers.add(onChange);
    this.settle(draftId);
    return () => {
      watchers.delete(onChange);
      this.settle(draftId);
    };
  }

  onConnectionClosed(connectionId: string): void {
    this.connectionClosed(connectionId);
  }

  onUnload(draftId: string): void {
    const entry = this.drafts.get(draftId);
    if (!entry) return;
    this.drafts.delete(draftId);
    entry.unlisten();
    entry.awareness.destroy();
  }

  stats(): Record<string, number> {
    let watchers = 0;
    for (const d of this.drafts.values()) watchers += d.watchers.size;
    return { drafts: this.drafts.size, watchers };
  }

  onDestroy(): void {
    for (const draftId of [...this.drafts.keys()]) this.onUnload(draftId);
  }
}
