import { Types } from 'mongoose';
import * as Y from 'yjs';
import { logger } from '../logger';
import {
  delegationsOf,
  loadOpenRevisions,
  type NewRevision,
  type OpenRevision,
  type RevisionGrowth,
  writeRevisions,
} from '../modules/revisions/revision.records';
import type { CompactionStep } from './compaction';
import { readLog } from './document-state';
import type { CollaborationCore, CollaborationExtension } from './extension';
import type { StoredUpdate } from './update-log';
import { applyAndCount } from './word-count';
import { WriteLane } from './write-lane';

type Action =
  | {
      kind: 'edit';
      draftId: Types.ObjectId;
      seq: number;
      userId: Types.ObjectId;
      update: Uint8Array;
      at: number;
    }
  | { kind: 'close'; draftId: Types.ObjectId; at: number };

/** What the recorder keeps of a draft loaded here. */
interface DraftState {
  /** The stored document, up to the last edit counted; loaded on the first edit seen. */
  doc: Y.Doc | null;
  /** Per author (hex id): the revision their next edit may extend. */
  open: Map<string, OpenRevision>;
}

interface Batch {
  actions: Action[];
  drafts: Map<string, () => void>;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * Automatic history: groups each draft's stored edits into revisions, one per author, and writes
 * them as the edits are stored. A revision closes when its author has not edited for `gapMs`, or
 * when a numbered version is made (`draft.versionCreated`, which adoption's version emits too);
 * the next edit opens a new one. Closing by the gap needs no write (a revision is open until its
 * `openUntil`), so nothing runs on timers, and a restart loses nothing: the open revisions are
 * read back from the database when a draft is first edited again.
 *
 * The words of each edit are counted against the draft's document, kept here while the draft is
 * loaded (see word-count.ts for why). Edits and closes are processed in the order they happened,
 * batched across drafts like the attribution records, and written through the layer's write lane.
 * One instance records a given draft's edits for the edits it stores; with several instances each
 * extends the revisions it knows of, so an author editing through two at once may get two.
 */
export class RevisionRecorder implements CollaborationExtension {
  readonly name = 'revisions';
  private drafts = new Map<string, DraftState>();
  private next: Batch | null = null;
  private inFlight: Batch | null = null;
  private readonly unlisten: () => void;

  constructor(
    private readonly core: Pick<CollaborationCore, 'hold' | 'events'>,
    private readonly gapMs: number,
    private readonly lane = new WriteLane(),
  ) {
    this.unlisten = core.events.on('draft.versionCreated', ({ draft }) =>
      this.push({ kind: 'close', draftId: draft._id, at: Date.now() }),
    );
  }

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const at = Date.now();
    for (const s of stored) {
      if (!s.userId) continue;
      this.push({ kind: 'edit', draftId, seq: s.seq, userId: s.userId, update: s.update, at });
    }
  }

  private push(action: Action): void {
    if (!this.next) {
      let resolve = () => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      this.next = { actions: [], drafts: new Map(), done, resolve };
      if (!this.inFlight) setImmediate(() => this.write());
    }
    this.next.actions.push(action);
    const id = action.draftId.toHexString();
    if (!this.next.drafts.has(id)) this.next.drafts.set(id, this.core.hold(id));
  }

  private write(): void {
    const batch = this.next;
    if (!batch || this.inFlight) return;
    this.next = null;
    this.inFlight = batch;
    this.record(batch)
      .catch((err: Error) => {
        // Forget these drafts: the next edit reads their open revisions and document again.
        for (const id of batch.drafts.keys()) this.forget(id);
        logger.warn({ err }, 'could not record the revisions of the drafts');
      })
      .finally(() => {
        this.inFlight = null;
        for (const release of batch.drafts.values()) release();
        batch.resolve();
        if (this.next) this.write();
      });
  }

  /** Loads what the batch's drafts need, then turns its actions, in order, into writes. */
  private async record(batch: Batch): Promise<void> {
    const firstSeq = new Map<string, number>();
    for (const a of batch.actions) {
      const id = a.draftId.toHexString();
      if (a.kind === 'edit' && !firstSeq.has(id)) firstSeq.set(id, a.seq);
    }
    const fresh = [...batch.drafts.keys()].filter((id) => !this.drafts.has(id));
    const open = await loadOpenRevisions(
      fresh.map((id) => new Types.ObjectId(id)),
      new Date(),
    );
    for (const id of fresh) this.drafts.set(id, { doc: null, open: open.get(id) ?? new Map() });
    for (const [id, first] of firstSeq) {
      const state = this.drafts.get(id);
      if (state && !state.doc) state.doc = await documentBefore(new Types.ObjectId(id), first);
    }

    const created = new Map<string, NewRevision>();
    const grown = new Map<string, RevisionGrowth>();
    const growthOf = (rev: OpenRevision): NewRevision | RevisionGrowth => {
      const key = rev._id.toHexString();
      const found = created.get(key) ?? grown.get(key);
      if (found) return found;
      const growth: RevisionGrowth = {
        _id: rev._id,
        wordsInserted: 0,
        wordsDeleted: 0,
        edits: 0,
        endedAt: null,
        openUntil: null,
        lastSeq: null,
        closed: false,
      };
      grown.set(key, growth);
      return growth;
    };

    for (const a of batch.actions) {
      const state = this.drafts.get(a.draftId.toHexString());
      if (!state) continue;
      if (a.kind === 'close') {
        for (const rev of state.open.values()) growthOf(rev).closed = true;
        state.open.clear();
        continue;
      }
      if (!state.doc) continue;
      const change = applyAndCount(state.doc, a.update);
      if (change.incomplete) {
        // Another instance stored edits this document lacks: read it again, up to this edit.
        state.doc.destroy();
        state.doc = await documentBefore(a.draftId, a.seq + 1);
      }
      if (!change.changed) continue;
      const author = a.userId.toHexString();
      let rev = state.open.get(author);
      const openUntil = new Date(a.at + this.gapMs);
      if (!rev || rev.closed || a.at >= rev.openUntil.getTime()) {
        rev = { _id: new Types.ObjectId(), userId: a.userId, openUntil, closed: false };
        state.open.set(author, rev);
        created.set(rev._id.toHexString(), {
          _id: rev._id,
          draftId: a.draftId,
          userId: a.userId,
          delegationId: null,
          startedAt: new Date(a.at),
          endedAt: new Date(a.at),
          openUntil,
          closed: false,
          wordsInserted: 0,
          wordsDeleted: 0,
          edits: 0,
          firstSeq: a.seq,
          lastSeq: a.seq,
        });
      }
      rev.openUntil = openUntil;
      const g = growthOf(rev);
      g.wordsInserted += change.wordsInserted;
      g.wordsDeleted += change.wordsDeleted;
      g.edits += 1;
      g.endedAt = new Date(a.at);
      g.openUntil = openUntil;
      g.lastSeq = a.seq;
    }

    if (created.size === 0 && grown.size === 0) return;
    const delegations = await delegationsOf([...created.values()].map((r) => r.userId));
    for (const r of created.values())
      r.delegationId = delegations.get(r.userId.toHexString()) ?? null;
    await this.lane.run(() => writeRevisions([...created.values()], [...grown.values()]));
  }

  /** Resolves once the edits stored so far for this draft are in its revisions. */
  async flushed(draftId: string): Promise<void> {
    for (const batch of [this.inFlight, this.next])
      if (batch?.drafts.has(draftId)) await batch.done;
  }

  /**
   * A document loaded after compaction wrote its snapshot would already hold the edits waiting to
   * be counted (and count none of them): those are counted first.
   */
  async onCompactionStep(draftId: string, step: CompactionStep): Promise<void> {
    if (step === 'after-merge') await this.flushed(draftId);
  }

  onUnload(draftId: string): void {
    this.forget(draftId);
  }

  private forget(draftId: string): void {
    this.drafts.get(draftId)?.doc?.destroy();
    this.drafts.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.drafts.size, writing: (this.inFlight ? 1 : 0) + (this.next ? 1 : 0) };
  }

  async onDestroy(): Promise<void> {
    this.unlisten();
    while (this.inFlight || this.next) await (this.inFlight ?? this.next)?.done;
    for (const id of [...this.drafts.keys()]) this.forget(id);
  }
}

/** The draft as stored before `seq`: snapshot and log entries under it. */
async function documentBefore(draftId: Types.ObjectId, seq: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  // A draft's first edit: nothing before it to read.
  if (seq <= 1) return doc;
  for await (const entry of readLog(draftId, 0)) {
    // A snapshot past `seq` (a compaction on another instance) stands in for what it merged;
    // the edits it holds then count as already there.
    if (entry.seq < seq || entry.fromSnapshot) Y.applyUpdate(doc, entry.update);
    else break;
  }
  return doc;
}
