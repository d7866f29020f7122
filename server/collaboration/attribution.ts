import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { logger } from '../logger';
import {
  type DeletionRecord,
  recordAuthors,
  recordDeletions,
} from '../modules/versions/attribution';
import type { CollaborationCore, CollaborationExtension } from './extension';
import type { StoredUpdate } from './update-log';

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
 * these writes before it deletes anything (`onCompactionStep`).
 */
export class AttributionRecorder implements CollaborationExtension {
  readonly name = 'attribution';
  private known = new Map<string, Known>();
  private writing = new Map<string, Promise<void>>();

  constructor(private readonly core: Pick<CollaborationCore, 'hold'>) {}

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const id = draftId.toHexString();
    let known = this.known.get(id);
    if (!known) {
      known = { clients: new Set(), deleted: new IdRanges() };
      this.known.set(id, known);
    }
    const authors: { client: number; userId: Types.ObjectId }[] = [];
    const deletions: DeletionRecord[] = [];
    for (const s of stored) {
      if (!s.userId) continue;
      const { structs, ds } = Y.decodeUpdate(s.update);
      for (const struct of structs) {
        if (!(struct instanceof Y.Item || struct instanceof Y.GC)) continue;
        const client = struct.id.client;
        if (known.clients.has(client)) continue;
        known.clients.add(client);
        authors.push({ client, userId: s.userId });
      }
      const ranges: DeletionRecord['ranges'] = [];
      for (const [client, items] of ds.clients) {
        for (const item of items) {
          for (const [start, end] of known.deleted.add(client, item.clock, item.clock + item.len))
            ranges.push({ client, clock: start, len: end - start });
        }
      }
      if (ranges.length > 0) deletions.push({ seq: s.seq, userId: s.userId, ranges });
    }
    if (authors.length === 0 && deletions.length === 0) return;
    const release = this.core.hold(id);
    const previous = this.writing.get(id) ?? Promise.resolve();
    const write = previous
      .then(() =>
        Promise.all([recordAuthors(draftId, authors), recordDeletions(draftId, deletions)]),
      )
      .then(
        () => undefined,
        (err: Error) => {
          // Seen again later, they are recorded then.
          this.known.delete(id);
          logger.warn({ err, draftId: id }, 'could not record who wrote what in this draft');
        },
      )
      .finally(() => {
        if (this.writing.get(id) === write) this.writing.delete(id);
        release();
      });
    this.writing.set(id, write);
  }

  /** Before a compaction writes its snapshot (and later deletes the log), the records are written. */
  async onCompactionStep(draftId: string): Promise<void> {
    await this.writing.get(draftId);
  }

  /** Resolves once what was stored so far is recorded. */
  flushed(draftId: string): Promise<void> {
    return this.writing.get(draftId) ?? Promise.resolve();
  }

  onUnload(draftId: string): void {
    this.known.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.known.size, writing: this.writing.size };
  }

  async onDestroy(): Promise<void> {
    await Promise.allSettled(this.writing.values());
  }
}
