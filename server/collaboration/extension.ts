import type { Types } from 'mongoose';
import type { AuthUser } from '../core/auth-user';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import type { CompactionResult, CompactionStep, KeptState } from './compaction';
import type { StoredUpdate } from './update-log';
import type { WriteLane } from './write-lane';

/** An edit on its way to the log, before anything is stored. */
export interface IncomingUpdate {
  user: AuthUser;
  draftId: Types.ObjectId;
  update: Uint8Array;
  /** The connection (or person, over HTTP) it came from: what throttling counts by. */
  senderKey: string;
}

/** A presence update on its way in. */
export interface IncomingPresence {
  draftId: string;
  bytes: number;
  senderKey: string;
}

/** One event of a draft's update stream, as subscribers receive it. */
export interface DraftUpdateEvent {
  draftId: string;
  /** The last seq this event stands for; 0 for a live update not stored yet. */
  seq: number;
  /** The first seq this event stands for (a stored write may hold several); 0 when live. */
  firstSeq: number;
  /** base64 Yjs update: the live update, those of a stored write not sent live, or a snapshot. */
  update: string;
  clientId: string | null;
  snapshot: boolean;
  /** False for a live update sent before it is stored. */
  durable: boolean;
  /** True on the one event that ends a replay: the subscriber has everything stored so far. */
  synced: boolean;
  /** On the synced event: the stored document's state vector (base64), to send what it lacks. */
  stateVector?: string | null;
}

/**
 * One feature of co-editing, plugged into the core (log, stream, replay) through hooks, in the
 * manner of Hocuspocus' extensions. Every hook is optional. Hooks run in the order the extensions
 * are listed (server/collaboration/extensions.ts); a `before…` hook or `onCompactionStep` that
 * throws refuses the operation there. Draft ids are hex strings, except where the database needs
 * the ObjectId.
 */
export interface CollaborationExtension {
  readonly name: string;
  /** Checks an edit before it is stored (authorization, locks, throttling). */
  beforeStore?(incoming: IncomingUpdate): void | Promise<void>;
  beforePresence?(incoming: IncomingPresence): void;
  /** Updates were stored durably, in seq order; their senders are being answered now. */
  onStored?(draftId: Types.ObjectId, stored: StoredUpdate[]): void;
  /** Between the steps of a compaction; throwing abandons it there, as a crash would. */
  onCompactionStep?(draftId: string, step: CompactionStep): void | Promise<void>;
  onCompacted?(draftId: string, result: CompactionResult): void;
  /**
   * The draft's stored document, encoded, if this extension keeps it in memory exactly as stored
   * up to a seq: a compaction writes it instead of reading the log back and merging it.
   */
  keptState?(draftId: string): Promise<KeptState | null>;
  /** Someone (a subscription, an edit in flight, a presence entry) holds the draft again. */
  onOpened?(draftId: string): void;
  /** The last holder let go; state stays a while in case they come back. */
  onClosed?(draftId: string): void;
  /** Nobody held the draft for the idle delay: drop everything kept for it. */
  onUnload?(draftId: string): void;
  /** A live update is executed for delivery (once per event and selection, shared by subscribers). */
  onDelivered?(event: DraftUpdateEvent): void;
  onConnectionClosed?(connectionId: string): void;
  /** Sizes of the per-draft state the extension keeps, for operators and tests. */
  stats?(): Record<string, number>;
  /** On shutdown: write what is pending, stop listening. */
  onDestroy?(): void | Promise<void>;
}

/** What an extension may ask of the core. */
export interface CollaborationCore {
  readonly instanceId: string;
  /** Where the layer's database writes queue, one at a time. */
  readonly writes: WriteLane;
  readonly pubSub: AppPubSub;
  readonly events: DomainEvents;
  /** Keeps the draft loaded until the returned release is called (each release counts once). */
  hold(draftId: string): () => void;
  /** Merges the draft's log into its snapshot; one run per draft at a time. */
  compact(draftId: Types.ObjectId): Promise<CompactionResult>;
  isCompacting(draftId: string): boolean;
  /** Updates accepted and not yet stored, across drafts, and their size. */
  backlog(): { updates: number; bytes: number };
}
