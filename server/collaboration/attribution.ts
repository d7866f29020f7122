import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import { logger } from '../logger';
import {
  type AuthorRecord,
  type DeletionRecord,
  recordAuthors,
  recordDeletions,
} from '../modules/versions/attribution';
import { DraftDeletionModel } from '../modules/versions/attribution.model';
import type { CompactionStep } from './compaction';
import type { CollaborationCore, CollaborationExtension } from './extension';
import {
  later,
  loggedAfter,
  PendingProgress,
  recordedSeq,
  writeProgress,
} from './history-progress';
import { decodedUpdate } from './update-codec';
import type { StoredUpdate } from './update-log';
import { WriteLane } from './write-lane';

/** Clock ranges [start, end) per Yjs client, sorted and merged. */
export class IdRanges {
  private ranges = new Map<number, [number, number][]>();

  /** Adds a range; returns the parts of it that were not there yet. */
  add(client: number, start: number, end: number): [number, number][] {
    const list = this.ranges.get(client) ?? [];
    const fresh: [number, number][] = [];
    let at = start;
    for (const [s, e] of list) {
      if (e <= at) continue;
      if (s >= end) break;
      if (s > at) fresh.push([at, s]);
      at = Math.max(at, e);
      if (at >= end) break;
    }
    if (at < end) fresh.push([at, end]);
    if (fresh.length > 0) {
      const merged: [number, number][] = [];
      for (const r of [...list, ...fresh].sort((x, y) => x[0] - y[0])) {
        const last = merged[merged.length - 1];
        if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
        else merged.push([r[0], r[1]]);
      }
      this.ranges.set(client, merged);
    }
    return fresh;
  }
}

interface Known {
  clients: Set<number>;
  deleted: IdRanges;
}

interface Batch {
  authors: AuthorRecord[];
  deletions: DeletionRecord[];
  drafts: Map<string, () => void>;
  /** Per draft, the highest seq the batch stands for (written with it, see history-progress). */
  progress: Map<string, number>;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * Keeps, durably, who wrote and who deleted what in each draft: the first time a Yjs clientID is
 * seen in a draft's stored updates (on this instance), it is recorded with the update's sender;
 * and each update's deletions not seen before here are recorded with their sender and seq. The
 * log also has the sender of each update, but compaction merges it away; a compaction waits for
 * these writes before it deletes anything (`onCompactionStep`). Writes are batched across drafts:
 * whatever is stored while one is under way goes out together in the next.
 *
 * With each write goes, per draft, the highest log seq it stands for (`DraftHistoryProgress`).
 * What a kill -9 (or a failed write) kept from being written is recorded from the log when the
 * draft is next loaded (`onOpened`: the entries after that seq stored before this process
 * started) and, when a write failed, before a compaction deletes entries (all of them after that
 * seq). Recording an entry twice changes nothing: a client already recorded keeps its first author
 * (and this instance knows the clients and deleted ranges it has seen), and the deletions of a seq
 * already recorded are skipped.
 */
export class AttributionRecorder implements CollaborationExtension {
  readonly name = 'attribution';
  private known = new Map<string, Known>();
  /** What waits for the next write, across drafts (one bulk write for all, like the log's). */
  private next: Batch | null = null;
  private inFlight: Batch | null = null;
  /** Seqs seen with no record to write: their progress goes out with the next write. */
  private readonly progress = new PendingProgress();
  private readonly catchUps = new Map<string, Promise<void>>();
  /** Entries stored before this are another process's: caught up on load. */
  private readonly startedAt = new Date();
  /** Drafts whose load catch-up ran (or runs) since they were loaded here. */
  private readonly caughtUp = new Set<string>();

  constructor(
    private readonly core: Pick<CollaborationCore, 'hold'>,
    private readonly lane = new WriteLane(),
    /** Wait before each write (tests of a kill before it; 0 in use). */
    private readonly delayMs = 0,
  ) {}

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    this.record(draftId, stored);
  }

  onOpened(draftId: string): void {
    void this.loadCatchUp(draftId);
  }

  /**
   * Once per load of the draft here (when it is opened, or first asked about): the entries a
   * previous process stored and did not record.
   */
  private loadCatchUp(draftId: string): Promise<void> {
    if (this.caughtUp.has(draftId)) return this.catchUps.get(draftId) ?? Promise.resolve();
    // Before catchUp holds the draft, whose opening calls this again.
    this.caughtUp.add(draftId);
    return this.catchUp(draftId, this.startedAt);
  }

  private record(
    draftId: Types.ObjectId,
    stored: Pick<StoredUpdate, 'seq' | 'update' | 'userId'>[],
  ): void {
    const id = draftId.toHexString();
    let known = this.known.get(id);
    if (!known) {
      known = { clients: new Set(), deleted: new IdRanges() };
      this.known.set(id, known);
    }
    const authors: AuthorRecord[] = [];
    const deletions: DeletionRecord[] = [];
    for (const s of stored) {
      if (!s.userId) continue;
      const { structs, ds } = decodedUpdate(s.update);
      for (const struct of structs) {
        if (!(struct instanceof Y.Item || struct instanceof Y.GC)) continue;
        const client = struct.id.client;
        if (known.clients.has(client)) continue;
        known.clients.add(client);
        authors.push({ draftId, client, userId: s.userId });
      }
      const ranges: DeletionRecord['ranges'] = [];
      for (const [client, items] of ds.clients) {
        for (const item of items) {
          for (const [start, end] of known.deleted.add(client, item.clock, item.clock + item.len))
            ranges.push({ client, clock: start, len: end - start });
        }
      }
      if (ranges.length > 0) deletions.push({ draftId, seq: s.seq, userId: s.userId, ranges });
    }
    for (const s of stored) this.progress.note(id, s.seq);
    if (authors.length === 0 && deletions.length === 0) return;
    if (!this.next) {
      let resolve = () => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      this.next = {
        authors: [],
        deletions: [],
        drafts: new Map(),
        progress: new Map(),
        done,
        resolve,
      };
      if (!this.inFlight) later(this.delayMs, () => this.write());
    }
    this.next.authors.push(...authors);
    this.next.deletions.push(...deletions);
    if (!this.next.drafts.has(id)) this.next.drafts.set(id, this.core.hold(id));
  }

  private write(): void {
    const batch = this.next;
    if (!batch || this.inFlight) return;
    this.next = null;
    this.inFlight = batch;
    // Everything seen so far, recorded or not, is written by now (records are added with it).
    batch.progress = this.progress.take();
    this.lane
      .run(async () => {
        await Promise.all([recordAuthors(batch.authors), recordDeletions(batch.deletions)]);
        await writeProgress('attributionSeq', batch.progress);
      })
      .catch((err: Error) => {
        // Recorded from the log when the draft is next loaded, or before the next compaction.
        for (const id of batch.drafts.keys()) this.known.delete(id);
        this.progress.failed([...batch.drafts.keys(), ...batch.progress.keys()]);
        logger.warn({ err }, 'could not record who wrote what in the drafts');
      })
      .finally(() => {
        this.inFlight = null;
        for (const release of batch.drafts.values()) release();
        batch.resolve();
        // The next batch gathers for the same time: under steady typing, one write per interval.
        if (this.next) later(this.delayMs, () => this.write());
      });
  }

  /** Resolves once what was stored so far for this draft is recorded. */
  async flushed(draftId: string): Promise<void> {
    await this.loadCatchUp(draftId);
    await this.catchUps.get(draftId);
    const inFlight = this.inFlight;
    if (inFlight?.drafts.has(draftId)) await inFlight.done;
    const next = this.next;
    if (!next?.drafts.has(draftId)) return;
    // Someone is waiting for it (a compaction, a version): written now, not at the interval's end.
    if (!this.inFlight && this.next === next) this.write();
    await next.done;
  }

  /**
   * Before a compaction writes its snapshot (and later deletes the log), the records are written;
   * and what a failed write kept from being recorded when it was stored is recorded now from the
   * log, which still has each update's sender (what a crash kept is recorded on load).
   */
  async onCompactionStep(draftId: string, step: CompactionStep): Promise<void> {
    if (step !== 'after-merge') return;
    // What a kill left unrecorded was caught up when the draft was loaded (awaited here).
    await this.flushed(draftId);
    // What a failed write left unrecorded is recorded before the log goes. Only then: reading the
    // log back on every compaction scanned it and decoded each entry again while people typed
    // (16 ms of the event loop per compaction in bench:coedit).
    if (!this.progress.isStale(draftId)) return;
    await this.catchUp(draftId, null);
    await this.flushed(draftId);
  }

  /**
   * Records the draft's log entries after its recorded progress (stored before `storedBefore`,
   * when given) that are not recorded yet. One run per draft at a time; resolves once its records
   * are queued (`flushed` then waits for their write).
   */
  private catchUp(draftId: string, storedBefore: Date | null): Promise<void> {
    const running = this.catchUps.get(draftId);
    if (running) return running;
    const release = this.core.hold(draftId);
    this.progress.catchingUp(draftId);
    const run = this.readUnrecorded(draftId, storedBefore)
      .catch((err: Error) => {
        this.caughtUp.delete(draftId);
        logger.warn({ err, draftId }, 'could not record who wrote what from the draft log');
      })
      .finally(() => {
        this.progress.caughtUp(draftId);
        this.catchUps.delete(draftId);
        release();
      });
    this.catchUps.set(draftId, run);
    return run;
  }

  private async readUnrecorded(draftId: string, storedBefore: Date | null): Promise<void> {
    const id = new Types.ObjectId(draftId);
    const after = await recordedSeq(id, 'attributionSeq');
    // Deletions of a batch written without its progress (killed in between) are there already.
    const recorded = new Set(
      await DraftDeletionModel.distinct('seq', {
        draftId: id,
        seq: mongoose.trusted({ $gt: after }),
      }),
    );
    const entries: Pick<StoredUpdate, 'seq' | 'update' | 'userId'>[] = [];
    const flush = () => {
      if (entries.length > 0) this.record(id, entries.splice(0));
    };
    for await (const e of loggedAfter(id, after)) {
      if (storedBefore && e.createdAt >= storedBefore) continue;
      if (recorded.has(e.seq)) continue;
      entries.push(e);
      if (entries.length >= 500) flush();
    }
    flush();
  }

  onUnload(draftId: string): void {
    this.caughtUp.delete(draftId);
    this.known.delete(draftId);
    this.progress.forget(draftId);
  }

  stats(): Record<string, number> {
    return {
      drafts: this.known.size,
      writing: (this.inFlight ? 1 : 0) + (this.next ? 1 : 0),
      catchingUp: this.catchUps.size,
    };
  }

  async onDestroy(): Promise<void> {
    await Promise.allSettled(this.catchUps.values());
    while (this.inFlight || this.next) await (this.inFlight ?? this.next)?.done;
    // Progress with no record to carry it (edits that named no new author, deleted nothing).
    const rest = this.progress.take();
    if (rest.size > 0)
      await this.lane.run(() => writeProgress('attributionSeq', rest)).catch(() => undefined);
  }
}
