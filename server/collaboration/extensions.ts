import { AttributionRecorder } from './attribution';
import { Backpressure, type BackpressureLimits } from './backpressure';
import { CompactionTrigger } from './compaction-trigger';
import { loadState } from './document-state';
import { EditActivity } from './edit-activity';
import { EditGate } from './edit-gate';
import type { CollaborationCore } from './extension';
import { MarkAuthorship } from './mark-authorship';
import { ParagraphLocks } from './paragraph-locks';
import { PresenceRegistry } from './presence';
import { ProposalTracker } from './proposal-tracker';
import { RevisionRecorder } from './revisions';
import { Throttle } from './throttle';

export interface BuiltInOptions {
  /** Compact a draft once this many updates were stored for it. */
  compactEvery: number;
  /** Least time between two compactions of a draft (see CompactionTrigger; default 0). */
  compactMinIntervalMs?: number;
  /** A person's revision closes once they have not edited for this long (see RevisionRecorder). */
  revisionGapMs?: number;
  /** How long the history recorders wait before a write (tests only; see config.ts). */
  historyWriteDelayMs?: number;
  /** Bound of the write queue (see Backpressure). */
  backlog?: BackpressureLimits;
}

const DEFAULT_REVISION_GAP_MS = 300_000;
const DEFAULT_BACKLOG: BackpressureLimits = { maxUpdates: 5000, maxBytes: 32 * 1024 * 1024 };

/**
 * Every feature of co-editing, in the order their hooks run: the throttle refuses a flood from one
 * sender and backpressure a flood from all of them before the gate reads anything; the gate
 * refuses what may not be stored; the paragraph lock, last of the checks (what passes it is applied
 * to the document it keeps), refuses changes to agreed paragraphs. Attribution records who wrote what before compaction may merge
 * the log (where each sender is kept) away.
 */
export function builtInExtensions(core: CollaborationCore, options: BuiltInOptions) {
  const hold = (draftId: string) => core.hold(draftId);
  const revisions = new RevisionRecorder(
    core,
    options.revisionGapMs ?? DEFAULT_REVISION_GAP_MS,
    core.writes,
    options.historyWriteDelayMs ?? 0,
  );
  return {
    throttle: new Throttle(100, 200, 4 * 1024 * 1024),
    backpressure: new Backpressure(core, options.backlog ?? DEFAULT_BACKLOG),
    editGate: new EditGate(core.pubSub),
    markAuthorship: new MarkAuthorship(loadState),
    // The last extension with a beforeStore hook (see ParagraphLocks).
    paragraphLocks: new ParagraphLocks(core.pubSub),
    activity: new EditActivity(core.events, hold, 1000, 5000, core.writes, (id) =>
      revisions.textOf(id),
    ),
    // Before the compaction trigger: a compaction waits for what this records.
    attribution: new AttributionRecorder(core, core.writes, options.historyWriteDelayMs ?? 0),
    // Before the compaction trigger too: it counts words against the document as stored before.
    revisions,
    compaction: new CompactionTrigger(
      core,
      options.compactEvery,
      options.compactMinIntervalMs ?? 0,
    ),
    proposals: new ProposalTracker(core),
    presence: new PresenceRegistry(core.instanceId, core.pubSub, hold, (draftId) =>
      core.events.emit('draft.presenceChanged', { draftId }),
    ),
  };
}

export type BuiltIns = ReturnType<typeof builtInExtensions>;
