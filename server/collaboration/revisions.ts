import { Types } from 'mongoose';
import * as Y from 'yjs';
import { countOpenBrackets } from '../core/document-brackets';
import {
  delegationsOf,
  lastSeqsByAuthor,
  loadOpenRevisions,
  type NewRevision,
  type OpenRevision,
  type RevisionGrowth,
  writeRevisions,
} from '../modules/revisions/revision.records';
import type { KeptState } from './compaction';
import { CONTENT_FIELD, readLog, textOf } from './document-state';
import type { CollaborationCore, CollaborationExtension } from './extension';
import { GapHold } from './gap-hold';
import { loggedAfter, recordedSeq, writeProgress } from './history-progress';
import { HistoryRecorder, type RecorderBatch } from './history-recorder';
import { TimeSlice } from './time-slice';
import type { StoredUpdate } from './update-log';
import { applyAndCount, type WordChange } from './word-count';
import { WriteLane } from './write-lane';

type Edit = {
  kind: 'edit';
  draftId: Types.ObjectId;
  seq: number;
  /** Null for an update the server made (no author): kept in the document, in no revision. */
  userId: Types.ObjectId | null;
  update: Uint8Array;
  at: number;
  /** Counted already, against the log (an edit caught up from it: see `catchUp`). */
  counted?: WordChange;
};

type Action = Edit | { kind: 'close'; draftId: Types.ObjectId; at: number };

/** What the recorder keeps of a draft loaded here. */
/** Least time between two readings of a draft's document for edits it lacks. */
const REREAD_AFTER_MS = 10_000;

interface DraftState {
  /** The stored document, up to the last edit counted; loaded on the first edit seen. */
  doc: Y.Doc | null;
  /** Edits given to `doc` that build on text it lacks: counted when that text comes. */
  hold: GapHold<Edit | null>;
  /** When `doc` was last read from the database. */
  readAt: number;
  /** The highest seq whose edit `doc` holds (it may hold later ones too). */
  seq: number;
  /**
   * `doc` holds exactly the log's entries up to this seq, and nothing after: it can stand for the
   * merged log (compaction). Null once it holds something else too (another instance's edits
   * missed, an edit applied out of order), until it is read again.
   */
  exactThrough: number | null;
  /** Per author (hex id): the revision their next edit may extend. */
  open: Map<string, OpenRevision>;
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
 *
 * With each write goes, per draft, the highest log seq it stands for (`DraftHistoryProgress`).
 * What a kill -9 (or a failed write) kept from being written is caught up from the log, where each
 * entry keeps its sender and the time it was stored: when the draft is next loaded (the entries
 * after that seq stored before this process started: those after are this process's own; a
 * compaction waits for it), and after a failed write, before a compaction deletes entries (all of
 * them after it that this process has not seen). The
 * only entries after the progress that may be in revisions already are those of the batch a kill
 * interrupted between its records and its progress: each author's edits up to the last seq of
 * their revisions written after the progress are skipped. Live edits and closes of a draft wait
 * while it is caught up, so its actions stay in the order they happened.
 */
export class RevisionRecorder extends HistoryRecorder<Action> implements CollaborationExtension {
  readonly name = 'revisions';

  /**
   * The draft's plain text from the document this recorder keeps (as of the edits it has counted,
   * at most its write interval behind), or null when it has none or lacks edits: a dashboard's
   * length and words without reading the whole log every few seconds.
   */
  textOf(draftId: string): { text: string; seq: number; openBrackets: number } | null {
    const state = this.drafts.get(draftId);
    const doc = state?.doc;
    if (!state || !doc || lacks(state)) return null;
    return {
      text: textOf(doc.getXmlFragment(CONTENT_FIELD)),
      seq: state.seq,
      openBrackets: countOpenBrackets(doc),
    };
  }

  private drafts = new Map<string, DraftState>();
  private readonly unlisten: () => void;
  /** Per draft being caught up: the live actions waiting for it. */
  private readonly waiting = new Map<string, Action[]>();
  /** Seqs of each draft this process was given (onStored) and may not have written yet. */
  private readonly seen = new Map<string, Set<number>>();

  constructor(
    core: Pick<CollaborationCore, 'hold' | 'events'>,
    private readonly gapMs: number,
    lane = new WriteLane(),
    /** Wait before each write (tests of a kill before it; 0 in use). */
    delayMs = 0,
  ) {
    super(core, lane, delayMs, 'revisionSeq', {
      write: 'could not record the revisions of the drafts',
      catchUp: 'could not record revisions from the draft log',
    });
    this.unlisten = core.events.on('draft.versionCreated', ({ draft }) =>
      this.enqueue({ kind: 'close', draftId: draft._id, at: Date.now() }),
    );
  }

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const at = Date.now();
    const id = draftId.toHexString();
    let seen = this.seen.get(id);
    if (!seen) {
      seen = new Set();
      this.seen.set(id, seen);
    }
    for (const s of stored) {
      seen.add(s.seq);
      this.enqueue({ kind: 'edit', draftId, seq: s.seq, userId: s.userId, update: s.update, at });
    }
    // Those without a sender are in no revision: their progress rides with the next write.
    for (const s of stored) this.progress.note(id, s.seq);
  }

  /** Pushes an action, or keeps it until the draft's catch-up has pushed the older ones. */
  private enqueue(action: Action): void {
    const id = action.draftId.toHexString();
    if (!this.catchUps.has(id)) {
      this.push(action);
      return;
    }
    const waiting = this.waiting.get(id) ?? [];
    this.waiting.set(id, waiting);
    waiting.push(action);
  }

  protected override caughtUpWith(draftId: string): void {
    const waiting = this.waiting.get(draftId) ?? [];
    this.waiting.delete(draftId);
    for (const a of waiting) this.push(a);
  }

  /**
   * Counts and pushes the draft's log entries after its recorded progress that are not in its
   * revisions (stored before `storedBefore`, when given).
   */
  protected async readUnrecorded(draftId: string, storedBefore: Date | null): Promise<void> {
    const id = new Types.ObjectId(draftId);
    const after = await recordedSeq(id, this.field);
    // Revisions a kill left written without their progress: their edits are counted in them.
    const counted = await lastSeqsByAuthor(id, after);
    const seen = this.seen.get(draftId);
    const actions: Edit[] = [];
    let read: Awaited<ReturnType<typeof documentBefore>> | null = null;
    let last = after;
    const slice = new TimeSlice();
    try {
      for await (const e of loggedAfter(id, after)) {
        await slice.pause();
        const author = e.userId?.toHexString();
        const wanted =
          !!e.userId &&
          !!author &&
          !seen?.has(e.seq) &&
          !(storedBefore && e.createdAt >= storedBefore) &&
          e.seq > (counted.get(author) ?? 0);
        // Usually nothing is missing (a compaction's check while people type): the document is
        // read only from the first entry to count, as stored before it.
        if (!read) {
          if (!wanted) continue;
          read = await documentBefore(id, e.seq);
        }
        const edit: Edit | null =
          wanted && e.userId
            ? {
                kind: 'edit',
                draftId: id,
                seq: e.seq,
                userId: e.userId,
                update: e.update,
                at: e.createdAt.getTime(),
              }
            : null;
        if (edit) last = Math.max(last, e.seq);
        // An entry building on one stored after it waits (held) until that one comes, and is
        // counted then: reading the same log again would not bring it sooner. One whose text never
        // comes is not in the draft, and counts nothing.
        const doc = read.doc;
        read.hold.offer(doc, e.update, edit, (update, held) => {
          const counted = applyAndCount(doc, update);
          if (held) actions.push({ ...held, counted });
        });
      }
    } finally {
      read?.doc.destroy();
    }
    if (last > after) this.progress.note(draftId, last);
    actions.sort((x, y) => x.seq - y.seq);
    for (const a of actions) this.push(a);
  }

  private push(action: Action): void {
    this.add(action.draftId.toHexString(), [action]);
  }

  protected override written(batch: RecorderBatch<Action>): void {
    for (const [id, seq] of batch.progress) {
      const seen = this.seen.get(id);
      if (!seen || this.catchUps.has(id)) continue;
      for (const s of seen) if (s <= seq) seen.delete(s);
    }
  }

  /** After a failed write: the next edit reads the open revisions and the document again. */
  protected forgetFailed(draftIds: string[]): void {
    for (const id of draftIds) this.forget(id);
  }

  /** Loads what the batch's drafts need, then turns its actions, in order, into writes. */
  protected async writeBatch(batch: RecorderBatch<Action>): Promise<void> {
    const firstSeq = new Map<string, number>();
    // Edits caught up from the log happened earlier: revisions open then may take them.
    let since = Date.now();
    for (const a of batch.items) {
      const id = a.draftId.toHexString();
      since = Math.min(since, a.at);
      if (a.kind === 'edit' && !a.counted && !firstSeq.has(id)) firstSeq.set(id, a.seq);
    }
    const fresh = [...batch.drafts.keys()].filter((id) => !this.drafts.has(id));
    const open = await loadOpenRevisions(
      fresh.map((id) => new Types.ObjectId(id)),
      new Date(since),
    );
    for (const id of fresh)
      this.drafts.set(id, {
        doc: null,
        hold: new GapHold(),
        readAt: 0,
        seq: 0,
        exactThrough: null,
        open: open.get(id) ?? new Map(),
      });
    for (const [id, first] of firstSeq) {
      const state = this.drafts.get(id);
      if (state && !state.doc) {
        await readDocument(state, new Types.ObjectId(id), first);
      }
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

    const record = (state: DraftState, a: Edit, change: WordChange): void => {
      if (!change.changed || !a.userId) return;
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
      const g = growthOf(rev);
      g.wordsInserted += change.wordsInserted;
      g.wordsDeleted += change.wordsDeleted;
      g.edits += 1;
      g.lastSeq = Math.max(g.lastSeq ?? a.seq, a.seq);
      // An edit counted late (it waited for text it built on) does not take its revision back.
      if (a.at < rev.openUntil.getTime() - this.gapMs) return;
      rev.openUntil = openUntil;
      g.endedAt = new Date(a.at);
      g.openUntil = openUntil;
    };
    /** Applies to the draft's document an update it holds enough for, counting a live edit. */
    const apply =
      (state: DraftState, doc: Y.Doc) =>
      (update: Uint8Array, edit: Edit | null): void => {
        if (!edit || edit.counted) Y.applyUpdate(doc, update);
        else record(state, edit, applyAndCount(doc, update));
      };

    const slice = new TimeSlice();
    for (const a of batch.items) {
      await slice.pause();
      const state = this.drafts.get(a.draftId.toHexString());
      if (!state) continue;
      if (a.kind === 'close') {
        for (const rev of state.open.values()) growthOf(rev).closed = true;
        state.open.clear();
        continue;
      }
      if (a.counted) {
        record(state, a, a.counted);
        // The document read for live edits may lack it (applying it twice changes nothing).
        const doc = state.doc;
        if (!doc) continue;
        state.hold.offer(doc, a.update, a, apply(state, doc));
        applied(state, a.seq);
        continue;
      }
      const doc = state.doc;
      if (!doc) continue;
      // Counted when applied: now, or, for an edit building on text the document lacks, when that
      // comes (with the edit that brings it).
      state.hold.offer(doc, a.update, a, apply(state, doc));
      applied(state, a.seq);
      // Edits this document lacks: stored by another instance, or here under a later seq (an
      // editor's refused update resent after the next one). The document is read again only now
      // and then, as each reading takes the whole log: once per edit, under a flood, it fell
      // behind without end.
      if (lacks(state) && Date.now() - state.readAt >= REREAD_AFTER_MS) {
        doc.destroy();
        await readDocument(state, a.draftId, a.seq + 1);
      }
    }

    const delegations = await delegationsOf([...created.values()].map((r) => r.userId));
    for (const r of created.values())
      r.delegationId = delegations.get(r.userId.toHexString()) ?? null;
    if (created.size === 0 && grown.size === 0 && batch.progress.size === 0) return;
    await this.lane.run(async () => {
      await writeRevisions([...created.values()], [...grown.values()]);
      await writeProgress(this.field, batch.progress);
    });
  }

  /**
   * The document kept for counting words, with the edits given to this recorder so far, when it
   * holds exactly the log up to a seq: compaction writes it as the snapshot instead of reading the
   * log back and merging it.
   */
  async keptState(draftId: string): Promise<KeptState | null> {
    await this.flushed(draftId);
    const state = this.drafts.get(draftId);
    // Edits held out of it are part of the stored draft: the log, merged, stands for it then.
    if (!state?.doc || state.exactThrough === null || state.hold.lacking) return null;
    return { seq: state.exactThrough, state: Y.encodeStateAsUpdate(state.doc) };
  }

  override onUnload(draftId: string): void {
    super.onUnload(draftId);
    this.forget(draftId);
    this.seen.delete(draftId);
  }

  private forget(draftId: string): void {
    this.drafts.get(draftId)?.doc?.destroy();
    this.drafts.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.drafts.size, ...this.batchStats(), seen: this.seen.size };
  }

  async onDestroy(): Promise<void> {
    this.unlisten();
    await this.drain();
    for (const id of [...this.drafts.keys()]) this.forget(id);
  }
}

/** Reads the draft's document as stored before `before` into `state`; none is offered meanwhile. */
async function readDocument(
  state: DraftState,
  draftId: Types.ObjectId,
  before: number,
): Promise<void> {
  state.doc = null;
  state.exactThrough = null;
  const read = await documentBefore(draftId, before);
  state.doc = read.doc;
  state.hold = read.hold;
  state.exactThrough = read.exactThrough;
  state.readAt = Date.now();
  state.seq = before - 1;
}

/** Notes that the draft's document now holds the edit stored under `seq`. */
function applied(state: DraftState, seq: number): void {
  state.seq = Math.max(state.seq, seq);
  if (state.exactThrough === null || seq <= state.exactThrough) return;
  state.exactThrough = seq === state.exactThrough + 1 ? seq : null;
}

/**
 * The draft as stored before `seq`: snapshot and log entries under it, and up to which seq it
 * holds exactly the log (null when the log read had a hole).
 */
async function documentBefore(
  draftId: Types.ObjectId,
  seq: number,
): Promise<{ doc: Y.Doc; hold: GapHold<Edit | null>; exactThrough: number | null }> {
  const doc = new Y.Doc();
  const hold = new GapHold<Edit | null>();
  const apply = (update: Uint8Array) => Y.applyUpdate(doc, update);
  // A draft's first edit: nothing before it to read.
  if (seq <= 1) return { doc, hold, exactThrough: 0 };
  let exactThrough: number | null = 0;
  for await (const entry of readLog(draftId, 0)) {
    // A snapshot past `seq` (a compaction on another instance) stands in for what it merged;
    // the edits it holds then count as already there.
    if (entry.seq < seq || entry.fromSnapshot) hold.offer(doc, entry.update, null, apply);
    else break;
    if (entry.fromSnapshot) exactThrough = entry.seq;
    else if (exactThrough !== null && entry.seq > exactThrough)
      exactThrough = entry.seq === exactThrough + 1 ? entry.seq : null;
  }
  return { doc, hold, exactThrough };
}

/** The draft's document lacks edits it was given (see `GapHold`, and Yjs's pending updates). */
function lacks(state: DraftState): boolean {
  const store = state.doc?.store;
  return state.hold.lacking || store?.pendingStructs != null || store?.pendingDs != null;
}
