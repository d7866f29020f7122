import { Types } from 'mongoose';
import * as Y from 'yjs';
import { countOpenBrackets } from '../core/document-brackets';
import { logger } from '../logger';
import {
  delegationsOf,
  lastSeqsByAuthor,
  loadOpenRevisions,
  type NewRevision,
  type OpenRevision,
  type RevisionGrowth,
  writeRevisions,
} from '../modules/revisions/revision.records';
import type { CompactionStep, KeptState } from './compaction';
import { CONTENT_FIELD, readLog, textOf } from './document-state';
import type { CollaborationCore, CollaborationExtension } from './extension';
import {
  later,
  loggedAfter,
  PendingProgress,
  recordedSeq,
  writeProgress,
} from './history-progress';
import { TimeSlice } from './time-slice';
import type { StoredUpdate } from './update-log';
import { applyAndCount, type WordChange } from './word-count';
import { WriteLane } from './write-lane';

type Action =
  | {
      kind: 'edit';
      draftId: Types.ObjectId;
      seq: number;
      /** Null for an update the server made (no author): kept in the document, in no revision. */
      userId: Types.ObjectId | null;
      update: Uint8Array;
      at: number;
      /** Counted already, against the log (an edit caught up from it: see `catchUp`). */
      counted?: WordChange;
    }
  | { kind: 'close'; draftId: Types.ObjectId; at: number };

/** What the recorder keeps of a draft loaded here. */
/** Least time between two readings of a draft's document for edits it lacks. */
const REREAD_AFTER_MS = 10_000;

interface DraftState {
  /** The stored document, up to the last edit counted; loaded on the first edit seen. */
  doc: Y.Doc | null;
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

interface Batch {
  actions: Action[];
  drafts: Map<string, () => void>;
  /** Per draft, the highest seq the batch stands for (written with it, see history-progress). */
  progress: Map<string, number>;
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
export class RevisionRecorder implements CollaborationExtension {
  readonly name = 'revisions';

  /**
   * The draft's plain text from the document this recorder keeps (as of the edits it has counted,
   * at most its write interval behind), or null when it has none or lacks edits: a dashboard's
   * length and words without reading the whole log every few seconds.
   */
  textOf(draftId: string): { text: string; seq: number; openBrackets: number } | null {
    const state = this.drafts.get(draftId);
    const doc = state?.doc;
    if (!state || !doc || doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
      return null;
    return {
      text: textOf(doc.getXmlFragment(CONTENT_FIELD)),
      seq: state.seq,
      openBrackets: countOpenBrackets(doc),
    };
  }

  private drafts = new Map<string, DraftState>();
  private next: Batch | null = null;
  private inFlight: Batch | null = null;
  private readonly unlisten: () => void;
  private readonly progress = new PendingProgress();
  /** Per draft being caught up: the run, and the live actions waiting for it. */
  private readonly catchUps = new Map<string, { run: Promise<void>; waiting: Action[] }>();
  /** Seqs of each draft this process was given (onStored) and may not have written yet. */
  private readonly seen = new Map<string, Set<number>>();
  /** Entries stored before this are another process's: caught up on load. */
  private readonly startedAt = new Date();
  /** Drafts whose load catch-up ran (or runs) since they were loaded here. */
  private readonly caughtUp = new Set<string>();

  constructor(
    private readonly core: Pick<CollaborationCore, 'hold' | 'events'>,
    private readonly gapMs: number,
    private readonly lane = new WriteLane(),
    /** Wait before each write (tests of a kill before it; 0 in use). */
    private readonly delayMs = 0,
  ) {
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

  onOpened(draftId: string): void {
    void this.loadCatchUp(draftId);
  }

  /**
   * Once per load of the draft here (when it is opened, or first asked about): the entries a
   * previous process stored and did not record.
   */
  private loadCatchUp(draftId: string): Promise<void> {
    if (this.caughtUp.has(draftId)) return this.catchUps.get(draftId)?.run ?? Promise.resolve();
    // Before catchUp holds the draft, whose opening calls this again.
    this.caughtUp.add(draftId);
    return this.catchUp(draftId, this.startedAt);
  }

  /** Pushes an action, or keeps it until the draft's catch-up has pushed the older ones. */
  private enqueue(action: Action): void {
    const catchUp = this.catchUps.get(action.draftId.toHexString());
    if (catchUp) catchUp.waiting.push(action);
    else this.push(action);
  }

  /**
   * Counts and pushes the draft's log entries after its recorded progress that are not in its
   * revisions (stored before `storedBefore`, when given); resolves once they are pushed.
   */
  private catchUp(draftId: string, storedBefore: Date | null): Promise<void> {
    const running = this.catchUps.get(draftId);
    if (running) return running.run;
    const release = this.core.hold(draftId);
    this.progress.catchingUp(draftId);
    const waiting: Action[] = [];
    const run = this.readUnrecorded(draftId, storedBefore)
      .then((actions) => {
        for (const a of actions) this.push(a);
      })
      .catch((err: Error) => {
        this.caughtUp.delete(draftId);
        logger.warn({ err, draftId }, 'could not record revisions from the draft log');
      })
      .finally(() => {
        this.catchUps.delete(draftId);
        for (const a of waiting) this.push(a);
        this.progress.caughtUp(draftId);
        release();
      });
    this.catchUps.set(draftId, { run, waiting });
    return run;
  }

  private async readUnrecorded(draftId: string, storedBefore: Date | null): Promise<Action[]> {
    const id = new Types.ObjectId(draftId);
    const after = await recordedSeq(id, 'revisionSeq');
    // Revisions a kill left written without their progress: their edits are counted in them.
    const counted = await lastSeqsByAuthor(id, after);
    const seen = this.seen.get(draftId);
    const actions: Action[] = [];
    let doc: Y.Doc | null = null;
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
        if (!doc) {
          if (!wanted) continue;
          doc = (await documentBefore(id, e.seq)).doc;
        }
        // An entry building on one stored after it waits in the document (Yjs keeps it pending)
        // until that one comes: reading the same log again would not bring it sooner.
        const change = applyAndCount(doc, e.update);
        if (!wanted || !e.userId) continue;
        const at = e.createdAt.getTime();
        actions.push({
          kind: 'edit',
          draftId: id,
          seq: e.seq,
          userId: e.userId,
          update: e.update,
          at,
          counted: change,
        });
        last = Math.max(last, e.seq);
      }
    } finally {
      doc?.destroy();
    }
    if (last > after) this.progress.note(draftId, last);
    return actions;
  }

  private push(action: Action): void {
    if (!this.next) {
      let resolve = () => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      this.next = { actions: [], drafts: new Map(), progress: new Map(), done, resolve };
      if (!this.inFlight) later(this.delayMs, () => this.write());
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
    // Everything seen so far, recorded or not, is in this write (or an earlier one).
    batch.progress = this.progress.take();
    this.record(batch)
      .then(() => {
        for (const [id, seq] of batch.progress) {
          const seen = this.seen.get(id);
          if (!seen || this.catchUps.has(id)) continue;
          for (const s of seen) if (s <= seq) seen.delete(s);
        }
      })
      .catch((err: Error) => {
        // Forget these drafts: the next edit reads their open revisions and document again, and
        // their edits are caught up from the log when loaded again or before a compaction.
        for (const id of batch.drafts.keys()) this.forget(id);
        this.progress.failed([...batch.drafts.keys(), ...batch.progress.keys()]);
        logger.warn({ err }, 'could not record the revisions of the drafts');
      })
      .finally(() => {
        this.inFlight = null;
        for (const release of batch.drafts.values()) release();
        batch.resolve();
        // The next batch gathers for the same time: under steady typing, one write per interval.
        if (this.next) later(this.delayMs, () => this.write());
      });
  }

  /** Loads what the batch's drafts need, then turns its actions, in order, into writes. */
  private async record(batch: Batch): Promise<void> {
    const firstSeq = new Map<string, number>();
    // Edits caught up from the log happened earlier: revisions open then may take them.
    let since = Date.now();
    for (const a of batch.actions) {
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

    const slice = new TimeSlice();
    for (const a of batch.actions) {
      await slice.pause();
      const state = this.drafts.get(a.draftId.toHexString());
      if (!state) continue;
      if (a.kind === 'close') {
        for (const rev of state.open.values()) growthOf(rev).closed = true;
        state.open.clear();
        continue;
      }
      let change: WordChange;
      if (a.counted) {
        change = a.counted;
        // The document read for live edits may lack it (applying it twice changes nothing).
        if (state.doc) {
          Y.applyUpdate(state.doc, a.update);
          applied(state, a.seq);
        }
      } else {
        if (!state.doc) continue;
        change = applyAndCount(state.doc, a.update);
        applied(state, a.seq);
        // Edits this document lacks: stored by another instance, or here under a later seq (an
        // editor's refused update resent after the next one). Yjs keeps the update pending until
        // they come; the document is read again only now and then, as each reading takes the whole
        // log: once per edit, under a flood, it fell behind without end.
        if (change.incomplete && Date.now() - state.readAt >= REREAD_AFTER_MS) {
          state.doc.destroy();
          await readDocument(state, a.draftId, a.seq + 1);
        }
      }
      if (!change.changed || !a.userId) continue;
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

    const delegations = await delegationsOf([...created.values()].map((r) => r.userId));
    for (const r of created.values())
      r.delegationId = delegations.get(r.userId.toHexString()) ?? null;
    if (created.size === 0 && grown.size === 0 && batch.progress.size === 0) return;
    await this.lane.run(async () => {
      await writeRevisions([...created.values()], [...grown.values()]);
      await writeProgress('revisionSeq', batch.progress);
    });
  }

  /** Resolves once the edits stored so far for this draft are in its revisions. */
  async flushed(draftId: string): Promise<void> {
    await this.loadCatchUp(draftId);
    await this.catchUps.get(draftId)?.run;
    const inFlight = this.inFlight;
    if (inFlight?.drafts.has(draftId)) await inFlight.done;
    const next = this.next;
    if (!next?.drafts.has(draftId)) return;
    // Someone is waiting for it (a compaction, a version): written now, not at the interval's end.
    if (!this.inFlight && this.next === next) this.write();
    await next.done;
  }

  /**
   * A document loaded after compaction wrote its snapshot would already hold the edits waiting to
   * be counted (and count none of them): those are counted first.
   */
  async onCompactionStep(draftId: string, step: CompactionStep): Promise<void> {
    if (step !== 'after-merge') return;
    // What a kill left unrecorded was caught up when the draft was loaded (awaited here).
    await this.flushed(draftId);
    // What a failed write left unrecorded is counted before the log goes. Only then: reading
    // the log again on every compaction while people type held it up too long.
    if (!this.progress.isStale(draftId)) return;
    await this.catchUp(draftId, null);
    await this.flushed(draftId);
  }

  /**
   * The document kept for counting words, with the edits given to this recorder so far, when it
   * holds exactly the log up to a seq: compaction writes it as the snapshot instead of reading the
   * log back and merging it.
   */
  async keptState(draftId: string): Promise<KeptState | null> {
    await this.flushed(draftId);
    const state = this.drafts.get(draftId);
    const doc = state?.doc;
    const seq = state?.exactThrough;
    if (!doc || seq === null || seq === undefined) return null;
    return { seq, state: Y.encodeStateAsUpdate(doc) };
  }

  onUnload(draftId: string): void {
    this.caughtUp.delete(draftId);
    this.forget(draftId);
    this.seen.delete(draftId);
    this.progress.forget(draftId);
  }

  private forget(draftId: string): void {
    this.drafts.get(draftId)?.doc?.destroy();
    this.drafts.delete(draftId);
  }

  stats(): Record<string, number> {
    return {
      drafts: this.drafts.size,
      writing: (this.inFlight ? 1 : 0) + (this.next ? 1 : 0),
      catchingUp: this.catchUps.size,
      seen: this.seen.size,
    };
  }

  async onDestroy(): Promise<void> {
    this.unlisten();
    await Promise.allSettled([...this.catchUps.values()].map((c) => c.run));
    while (this.inFlight || this.next) await (this.inFlight ?? this.next)?.done;
    const rest = this.progress.take();
    if (rest.size > 0)
      await this.lane.run(() => writeProgress('revisionSeq', rest)).catch(() => undefined);
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
): Promise<{ doc: Y.Doc; exactThrough: number | null }> {
  const doc = new Y.Doc();
  // A draft's first edit: nothing before it to read.
  if (seq <= 1) return { doc, exactThrough: 0 };
  let exactThrough: number | null = 0;
  for await (const entry of readLog(draftId, 0)) {
    // A snapshot past `seq` (a compaction on another instance) stands in for what it merged;
    // the edits it holds then count as already there.
    if (entry.seq < seq || entry.fromSnapshot) Y.applyUpdate(doc, entry.update);
    else break;
    if (entry.fromSnapshot) exactThrough = entry.seq;
    else if (exactThrough !== null && entry.seq > exactThrough)
      exactThrough = entry.seq === exactThrough + 1 ? entry.seq : null;
  }
  return { doc, exactThrough };
}
