import { Types } from 'mongoose';
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
import { bytes } from './document-state';
import type { CollaborationCore, CollaborationExtension } from './extension';
import { DraftUpdateModel } from './update.model';
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
 */
export class AttributionRecorder implements CollaborationExtension {
  readonly name = 'attribution';
  private known = new Map<string, Known>();
  /** What waits for the next write, across drafts (one bulk write for all, like the log's). */
  private next: Batch | null = null;
  private inFlight: Batch | null = null;

  constructor(
    private readonly core: Pick<CollaborationCore, 'hold'>,
    private readonly lane = new WriteLane(),
  ) {}

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    this.record(draftId, stored);
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
      const { structs, ds } = Y.decodeUpdate(s.update);
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
    if (authors.length === 0 && deletions.length === 0) return;
    if (!this.next) {
      let resolve = () => {};
      const done = new Promise<void>((r) => {
        resolve = r;
      });
      this.next = { authors: [], deletions: [], drafts: new Map(), done, resolve };
      if (!this.inFlight) setImmediate(() => this.write());
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
    this.lane
      .run(() => Promise.all([recordAuthors(batch.authors), recordDeletions(batch.deletions)]))
      .catch((err: Error) => {
        // Recorded when seen again, or from the log at the next compaction.
        for (const id of batch.drafts.keys()) this.known.delete(id);
        logger.warn({ err }, 'could not record who wrote what in the drafts');
      })
      .finally(() => {
        this.inFlight = null;
        for (const release of batch.drafts.values()) release();
        batch.resolve();
        if (this.next) this.write();
      });
  }

  /** Resolves once what was stored so far for this draft is recorded. */
  async flushed(draftId: string): Promise<void> {
    for (const batch of [this.inFlight, this.next])
      if (batch?.drafts.has(draftId)) await batch.done;
  }

  /**
   * Before a compaction writes its snapshot (and later deletes the log), the records are written;
   * and what a crash (or a failed write) kept from being recorded when it was stored is recorded
   * now from the log, which still has each update's sender.
   */
  async onCompactionStep(draftId: string, step: CompactionStep): Promise<void> {
    if (step !== 'after-merge') return;
    await this.flushed(draftId);
    const id = new Types.ObjectId(draftId);
    const [entries, recorded] = await Promise.all([
      DraftUpdateModel.find({ draftId: id }, { seq: 1, update: 1, userId: 1 })
        .sort({ seq: 1 })
        .lean(),
      DraftDeletionModel.distinct('seq', { draftId: id }),
    ]);
    const done = new Set(recorded);
    this.record(
      id,
      entries
        .filter((e) => !done.has(e.seq))
        .map((e) => ({ seq: e.seq, update: bytes(e.update), userId: e.userId ?? null })),
    );
    await this.flushed(draftId);
  }

  onUnload(draftId: string): void {
    this.known.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.known.size, writing: (this.inFlight ? 1 : 0) + (this.next ? 1 : 0) };
  }

  async onDestroy(): Promise<void> {
    while (this.inFlight || this.next) await (this.inFlight ?? this.next)?.done;
  }
}
