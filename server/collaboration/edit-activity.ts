import { Types } from 'mongoose';
import { logger } from '../logger';
import { DraftModel } from '../modules/drafts/draft.model';
import type { DomainEvents } from '../modules/shared/domain-events';
import { DraftActivityModel } from './activity.model';
import { loadState, plainText } from './document-state';
import type { CollaborationExtension } from './extension';
import type { StoredUpdate } from './update-log';

interface Tally {
  /** Keeps the draft loaded until the tally is written. */
  release: () => void;
  edits: Map<string, number>;
  lastAt: Date;
  lastUserId: Types.ObjectId | null;
}

export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Keeps the summary a dashboard shows (last edit, by whom, length, edits per day) up to date
 * without a write per keystroke: stored updates are tallied in memory and written at most once
 * per `intervalMs` per draft, then `draft.activityRecorded` is announced. The summary is derived
 * from the durable log, so a crash between two flushes loses at most a second of counts, never an
 * edit. Length and words need the whole text, merged from the log: while a draft is being edited
 * they are recomputed at most every `textEveryMs` (and once more after the last edit), so that a
 * busy draft does not pause the server every second to rebuild its text.
 */
export class EditActivity implements CollaborationExtension {
  readonly name = 'editActivity';
  private tallies = new Map<string, Tally>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private flushing = new Set<Promise<void>>();
  /** When each draft's length and words were last computed. */
  private textAt = new Map<string, number>();

  constructor(
    private readonly events: DomainEvents,
    private readonly hold: (draftId: string) => () => void,
    private readonly intervalMs = 1000,
    private readonly textEveryMs = 5000,
  ) {}

  onUnload(draftId: string): void {
    this.textAt.delete(draftId);
  }

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    this.record(draftId, stored.length, stored[stored.length - 1].userId);
  }

  stats(): Record<string, number> {
    return {
      tallies: this.tallies.size,
      timers: this.timers.size,
      flushing: this.flushing.size,
      textAt: this.textAt.size,
    };
  }

  onDestroy(): Promise<void> {
    return this.drain();
  }

  record(
    draftId: Types.ObjectId,
    count: number,
    userId: Types.ObjectId | null,
    at = new Date(),
  ): void {
    const id = draftId.toHexString();
    let tally = this.tallies.get(id);
    if (!tally) {
      tally = { release: this.hold(id), edits: new Map(), lastAt: at, lastUserId: userId };
      this.tallies.set(id, tally);
    }
    const day = utcDay(at);
    tally.edits.set(day, (tally.edits.get(day) ?? 0) + count);
    tally.lastAt = at;
    tally.lastUserId = userId;
    if (!this.timers.has(id)) {
      this.timers.set(
        id,
        setTimeout(() => this.flush(id), this.intervalMs),
      );
    }
  }

  private flush(id: string, final = false): void {
    this.timers.delete(id);
    const tally = this.tallies.get(id);
    if (!tally) return;
    this.tallies.delete(id);
    const now = Date.now();
    const withText = final || now - (this.textAt.get(id) ?? 0) >= this.textEveryMs;
    if (withText) this.textAt.set(id, now);
    // Skipped now, the text is computed on a later flush: the last edits must be counted in it.
    else this.record(new Types.ObjectId(id), 0, tally.lastUserId, tally.lastAt);
    const run = this.write(id, tally, withText)
      .catch((err) => logger.warn({ err, draftId: id }, 'could not record draft activity'))
      .finally(() => {
        this.flushing.delete(run);
        tally.release();
      });
    this.flushing.add(run);
  }

  private async write(id: string, tally: Tally, withText: boolean): Promise<void> {
    const draftId = new Types.ObjectId(id);
    const summary: Record<string, unknown> = {
      lastEditedAt: tally.lastAt,
      lastEditedById: tally.lastUserId,
    };
    if (withText) {
      const text = plainText((await loadState(draftId)).state);
      summary.textLength = text.replace(/\n/g, '').length;
      summary.wordCount = text.split(/\s+/).filter(Boolean).length;
    }
    await DraftModel.updateOne({ _id: draftId }, { $set: summary }, { timestamps: false });
    await Promise.all(
      [...tally.edits]
        .filter(([, edits]) => edits > 0)
        .map(([day, edits]) =>
          DraftActivityModel.updateOne({ draftId, day }, { $inc: { edits } }, { upsert: true }),
        ),
    );
    this.events.emit('draft.activityRecorded', { draftId: id });
  }

  /** Writes what is pending now (on shutdown, and in tests). */
  async drain(): Promise<void> {
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.flush(id, true);
    }
    await Promise.allSettled([...this.flushing]);
  }
}
