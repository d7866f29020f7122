import type { Types } from 'mongoose';
import { authorize } from '../core/authorize';
import { draftLocked, underSilence } from '../core/errors';
import type { DraftDoc } from '../modules/drafts/draft.model';
import { draftPolicy } from '../modules/drafts/draft.policy';
import { findDraft } from '../modules/drafts/draft.service';
import { DraftStatus } from '../modules/drafts/draft-status';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';
import type { CollaborationExtension, IncomingUpdate } from './extension';

/** What an edit is checked against: who may edit (the group never changes) and whether the text is frozen. */
interface DraftGate {
  workingGroupId: Types.ObjectId;
  status: DraftStatus;
  /** The silence procedure under way, if any (its text is locked: UNDER_SILENCE). */
  silenceProcedureId: Types.ObjectId | null;
  /** When the status or the silence last changed: the later of two copies wins. */
  changedAt: number;
}

export type StatusChange = Pick<DraftDoc, '_id' | 'workingGroupId' | 'status' | 'statusChangedAt'> &
  Partial<Pick<DraftDoc, 'silenceProcedureId' | 'silenceChangedAt'>>;

/**
 * How long a draft's status is trusted without news before it is read again. Status changes
 * arrive through pub/sub at once; this only bounds how long a lost Redis message (a reconnect)
 * could leave this instance accepting edits to an adopted draft.
 */
const STATUS_RECHECK_MS = 10_000;

const gateOf = (draft: Omit<StatusChange, '_id'>): DraftGate => ({
  workingGroupId: draft.workingGroupId,
  status: draft.status as DraftStatus,
  silenceProcedureId: draft.silenceProcedureId ?? null,
  changedAt: Math.max(
    draft.statusChangedAt?.getTime() ?? 0,
    draft.silenceChangedAt?.getTime() ?? 0,
  ),
});

/**
 * Who may edit a draft and whether it is locked (adopted: DRAFT_LOCKED; under the silence
 * procedure: UNDER_SILENCE), checked on every edit
 * against a copy of the draft's group and status kept in memory while the draft is loaded, not
 * read per keystroke.
 */
export class EditGate implements CollaborationExtension {
  readonly name = 'editGate';
  private gates = new Map<string, { gate: DraftGate; readAt: number }>();
  private reading = new Map<string, Promise<DraftGate>>();
  private readonly stopWatch: () => void;

  constructor(pubSub: AppPubSub) {
    // Status changes made on any instance (through Redis when there are several).
    this.stopWatch = pubSub.listen(Topic.DraftStatusChanged, ALL, (draft) =>
      this.statusChanged(draft),
    );
  }

  async beforeStore({ user, draftId }: IncomingUpdate): Promise<void> {
    const gate = await this.gate(draftId);
    authorize(
      draftPolicy.write(user, gate),
      'Only members of this working group, the Chair and the Secretariat may edit this draft.',
    );
    // The race left open: an edit that passed this check just before the status changed (on this
    // instance, or on another one before its pub/sub message arrived) is still stored, a few
    // milliseconds after the adoption. Closing it would take a database read per keystroke.
    if (draftPolicy.underSilence(gate)) throw underSilence();
    if (draftPolicy.locked(gate)) throw draftLocked();
  }

  /**
   * Keeps the copy current. Called through pub/sub on every instance, and directly by the instance
   * that made the change, so that it refuses edits from the moment it answers (its own message
   * comes back through Redis only later). A draft not loaded here is read afresh when next edited.
   */
  statusChanged(draft: StatusChange): void {
    const key = draft._id.toHexString();
    // A read in flight may return the status from before this change: remember the change too.
    if (this.gates.has(key) || this.reading.has(key)) this.remember(key, gateOf(draft));
  }

  onUnload(draftId: string): void {
    this.gates.delete(draftId);
  }

  stats(): Record<string, number> {
    return { gates: this.gates.size, reading: this.reading.size };
  }

  onDestroy(): void {
    this.stopWatch();
  }

  private remember(key: string, next: DraftGate): DraftGate {
    const known = this.gates.get(key);
    // Two quick changes, or a read and a change, may arrive crossed: the later change wins.
    if (known && known.gate.changedAt > next.changedAt) return known.gate;
    this.gates.set(key, { gate: next, readAt: Date.now() });
    return next;
  }

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
}
