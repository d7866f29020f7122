import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import {
  type AuthorRecord,
  type DeletionRecord,
  recordAuthors,
  recordDeletions,
} from '../modules/versions/attribution';
import { DraftDeletionModel } from '../modules/versions/attribution.model';
import type { CollaborationCore, CollaborationExtension } from './extension';
import { loggedAfter, recordedSeq, writeProgress } from './history-progress';
import { HistoryRecorder, type RecorderBatch } from './history-recorder';
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

/**
 * Keeps, durably, who wrote and who deleted what in each draft: the first time a Yjs clientID is
 * seen in a draft's stored updates (on this instance), it is recorded with the update's sender;
 * and each update's deletions not seen before here are recorded with their sender and seq. The
 * log also has the sender of each update, but compaction merges it away; a compaction waits for
 * these writes before it deletes anything (`onCompactionStep`). Writes are batched across drafts
 * (see HistoryRecorder).
 *
 * Recording an entry twice (a catch-up from the log) changes nothing: a client already recorded
 * keeps its first author (and this instance knows the clients and deleted ranges it has seen), and
 * the deletions of a seq already recorded are skipped.
 */
export class AttributionRecorder
  extends HistoryRecorder<AuthorRecord | DeletionRecord>
  implements CollaborationExtension
{
  readonly name = 'attribution';
  private known = new Map<string, Known>();

  constructor(core: Pick<CollaborationCore, 'hold'>, lane = new WriteLane(), delayMs = 0) {
    super(core, lane, delayMs, 'attributionSeq', {
      write: 'could not record who wrote what in the drafts',
      catchUp: 'could not record who wrote what from the draft log',
    });
  }

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
    const records: (AuthorRecord | DeletionRecord)[] = [];
    for (const s of stored) {
      if (!s.userId) continue;
      const { structs, ds } = decodedUpdate(s.update);
      for (const struct of structs) {
        if (!(struct instanceof Y.Item || struct instanceof Y.GC)) continue;
        const client = struct.id.client;
        if (known.clients.has(client)) continue;
        known.clients.add(client);
        records.push({ draftId, client, userId: s.userId });
      }
      const ranges: DeletionRecord['ranges'] = [];
      for (const [client, items] of ds.clients) {
        for (const item of items) {
          for (const [start, end] of known.deleted.add(client, item.clock, item.clock + item.len))
            ranges.push({ client, clock: start, len: end - start });
        }
      }
      if (ranges.length > 0) records.push({ draftId, seq: s.seq, userId: s.userId, ranges });
    }
    for (const s of stored) this.progress.note(id, s.seq);
    if (records.length > 0) this.add(id, records);
  }

  protected async writeBatch(batch: RecorderBatch<AuthorRecord | DeletionRecord>): Promise<void> {
    const deletions = batch.items.filter(isDeletion);
    const authors = batch.items.filter((r): r is AuthorRecord => !isDeletion(r));
    await this.lane.run(async () => {
      await Promise.all([recordAuthors(authors), recordDeletions(deletions)]);
      await writeProgress(this.field, batch.progress);
    });
  }

  protected forgetFailed(draftIds: string[]): void {
    for (const id of draftIds) this.known.delete(id);
  }

  protected async readUnrecorded(draftId: string, storedBefore: Date | null): Promise<void> {
    const id = new Types.ObjectId(draftId);
    const after = await recordedSeq(id, this.field);
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

  override onUnload(draftId: string): void {
    super.onUnload(draftId);
    this.known.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.known.size, ...this.batchStats() };
  }

  onDestroy(): Promise<void> {
    return this.drain();
  }
}

function isDeletion(r: AuthorRecord | DeletionRecord): r is DeletionRecord {
  return 'ranges' in r;
}
