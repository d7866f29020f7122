import { Types } from 'mongoose';
import * as Y from 'yjs';
import { countOpenBrackets } from '../core/document-brackets';
import { logger } from '../logger';
import { DraftModel } from '../modules/drafts/draft.model';
import { bulkUpdate } from '../modules/shared/bulk-update';
import type { DomainEvents } from '../modules/shared/domain-events';
import { DraftActivityModel } from './activity.model';
import { CONTENT_FIELD, loadState, textOf } from './document-state';
import type { CollaborationExtension } from './extension';
import type { StoredUpdate } from './update-log';
import { WriteLane } from './write-lane';

interface Tally {
  /** Keeps the draft loaded until the tally is written. */
  release: () => void;
  edits: Map<string, number>;
  lastAt: Date;
  lastUserId: Types.ObjectId | null;
  /** The seq of the last stored edit tallied. */
  lastSeq: number;
}

export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Drafts whose summary may be written per second, whatever the number being edited. */
const SUMMARIES_PER_SECOND = 10;
const MAX_INTERVAL_MS = 10_000;

/**
 * Keeps the summary a dashboard shows (last edit, by whom, length, edits per day, open brackets)
 * up to date without a write per keystroke: stored updates are tallied in memory and written at
 * most once per `intervalMs` per draft, then `draft.activityRecorded` is announced. The summary is
 * derived from the durable log, so a crash between two flushes loses at most a second of counts,
 * never an edit. Length, words and open brackets need the whole text, merged from the log: while
 * a draft is being edited they are recomputed at most every `textEveryMs` (and again after the
 * last edit, until they count it), from the document the history recorder keeps in memory when it
 * has one, so that a busy draft neither pauses the server nor loads the database every second.
 */
export class EditActivity implements CollaborationExtension {
  readonly name = 'editActivity';
  private tallies = new Map<string, Tally>();
  /** One timer for every draft: their summaries are written together, in two bulk writes. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing = new Set<Promise<void>>();
  /** When each draft's length and words were last computed. */
  private textAt = new Map<string, number>();
  /** Drafts written by the last flush. */
  private lastBatch = 0;

  constructor(
    private readonly events: DomainEvents,
    private readonly hold: (draftId: string) => () => void,
    private readonly intervalMs = 1000,
    private readonly textEveryMs = 5000,
    private readonly lane = new WriteLane(),
    /** The draft's text as kept in memory, and the seq it holds, when it is (see RevisionRecorder.textOf). */
    private readonly liveText: (
      draftId: string,
    ) => { text: string; seq: number; openBrackets: number } | null = () => null,
  ) {}

  onUnload(draftId: string): void {
    this.textAt.delete(draftId);
  }

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    // Housekeeping stored without an author (paragraph ids) is nobody's edit.
    const authored = stored.filter((s) => s.userId !== null);
    const last = authored[authored.length - 1];
    if (last) this.record(draftId, authored.length, last.userId, new Date(), last.seq);
  }

  stats(): Record<string, number> {
    return {
      tallies: this.tallies.size,
      timers: this.timer ? 1 : 0,
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
    seq = 0,
  ): void {
    const id = draftId.toHexString();
    let tally = this.tallies.get(id);
    if (!tally) {
      tally = {
        release: this.hold(id),
        edits: new Map(),
        lastAt: at,
        lastUserId: userId,
        lastSeq: 0,
      };
      this.tallies.set(id, tally);
    }
    tally.lastSeq = Math.max(tally.lastSeq, seq);
    const day = utcDay(at);
    tally.edits.set(day, (tally.edits.get(day) ?? 0) + count);
    // In arrival order: a re-tally (flush) goes into a fresh tally, before any later edit.
    tally.lastAt = at;
    tally.lastUserId = userId;
    this.timer ??= setTimeout(() => this.flush(), this.nextDelay());
  }

  /**
   * The wait before the next flush: `intervalMs`, or longer when many drafts are edited at once,
   * so that the summaries cost the database about SUMMARIES_PER_SECOND drafts a second however
   * many are busy (each is a statement, and the embedded database commits each on its own; 50
   * drafts written every second took it from 19 % to 42 % of a core). A dashboard then follows
   * each of 50 busy drafts every 5 s rather than every second; one busy draft, every second.
   */
  private nextDelay(): number {
    const spread = (this.lastBatch / SUMMARIES_PER_SECOND) * 1000;
    return Math.min(MAX_INTERVAL_MS, Math.max(this.intervalMs, spread));
  }

  private flush(final = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = [...this.tallies];
    this.tallies.clear();
    this.lastBatch = due.length;
    if (due.length === 0) return;
    const now = Date.now();
    const batch = due.map(([id, tally]) => {
      const withText = final || now - (this.textAt.get(id) ?? 0) >= this.textEveryMs;
      if (withText) this.textAt.set(id, now);
      // Skipped now, the text is computed on a later flush: the last edits must be counted in it.
      else this.record(new Types.ObjectId(id), 0, tally.lastUserId, tally.lastAt, tally.lastSeq);
      return { id, tally, withText };
    });
    const run = this.write(batch, final)
      .catch((err) => logger.warn({ err }, 'could not record draft activity'))
      .finally(() => {
        this.flushing.delete(run);
        for (const { tally } of batch) tally.release();
      });
    this.flushing.add(run);
  }

  private async write(
    batch: { id: string; tally: Tally; withText: boolean }[],
    final: boolean,
  ): Promise<void> {
    const texts = await Promise.all(
      batch.map(({ id, tally, withText }) => {
        if (!withText) return null;
        const live = this.liveText(id);
        // The kept document may be up to its recorder's write interval behind. Reading the whole
        // log instead, every few seconds for every busy draft, was most of the database's work
        // under a steady load (soak: 20 drafts typed in at once). So a lagging document is used
        // as it is, and the text is counted once more later, until it holds the last edit.
        if (live && live.seq < tally.lastSeq) {
          // On shutdown there is no later: the log is read.
          if (final) return textStats(id, null);
          this.record(new Types.ObjectId(id), 0, tally.lastUserId, tally.lastAt, tally.lastSeq);
        }
        return textStats(id, live);
      }),
    );
    await this.lane.run(() => this.writeSummaries(batch, texts));
    for (const { id } of batch) this.events.emit('draft.activityRecorded', { draftId: id });
  }

  private async writeSummaries(
    batch: { id: string; tally: Tally; withText: boolean }[],
    texts: (TextStats | null)[],
  ): Promise<void> {
    await bulkUpdate(
      DraftModel,
      batch.map(({ id, tally }, i) => ({
        updateOne: {
          filter: { _id: new Types.ObjectId(id) },
          update: {
            $set: { lastEditedAt: tally.lastAt, lastEditedById: tally.lastUserId, ...texts[i] },
          },
          timestamps: false,
        },
      })),
    );
    const activity = batch.flatMap(({ id, tally }) =>
      [...tally.edits]
        .filter(([, edits]) => edits > 0)
        .map(([day, edits]) => ({
          updateOne: {
            filter: { draftId: new Types.ObjectId(id), day },
            update: { $inc: { edits } },
            upsert: true,
          },
        })),
    );
    await bulkUpdate(DraftActivityModel, activity);
  }

  /** Writes what is pending now (on shutdown, and in tests). */
  async drain(): Promise<void> {
    this.flush(true);
    await Promise.allSettled([...this.flushing]);
  }
}

interface TextStats {
  textLength: number;
  wordCount: number;
  openBrackets: number;
}

/** A draft text's length (without line breaks) and words, as the dashboard shows them. */
export function lengthAndWords(text: string): Pick<TextStats, 'textLength' | 'wordCount'> {
  return {
    textLength: text.replace(/\n/g, '').length,
    wordCount: text.split(/\s+/).filter(Boolean).length,
  };
}

/** The document's text and open brackets, read from its stored state. */
function readStored(state: Uint8Array): { text: string; openBrackets: number } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    return {
      text: textOf(doc.getXmlFragment(CONTENT_FIELD)),
      openBrackets: countOpenBrackets(doc),
    };
  } finally {
    doc.destroy();
  }
}

/**
 * Length, words and open brackets of a draft's text; none when it cannot be read now (the next
 * flush tries again).
 */
async function textStats(
  id: string,
  known: { text: string; openBrackets: number } | null,
): Promise<TextStats | null> {
  try {
    const { text, openBrackets } =
      known ?? readStored((await loadState(new Types.ObjectId(id))).state);
    return { ...lengthAndWords(text), openBrackets };
  } catch (err) {
    logger.warn({ err, draftId: id }, 'could not read the draft text for its length and words');
    return null;
  }
}
