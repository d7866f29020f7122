import { Types } from 'mongoose';
import { logger } from '../logger';
import { syncProposals } from '../modules/proposals/proposal.service';
import { SUGGESTION_MARKS } from '../modules/proposals/proposal-document';
import { docOf } from '../modules/versions/draft-text';
import { loadState } from './document-state';
import type { CollaborationCore, CollaborationExtension } from './extension';
import type { StoredUpdate } from './update-log';

// A Yjs update names the formatting attributes it sets: a proposal made or decided shows there.
const MARK_NAMES = SUGGESTION_MARKS.map((m) => Buffer.from(m));

interface Tracked {
  /** Whether the text held proposals at the last look (unknown until then). */
  hasProposals: boolean | null;
  timer: ReturnType<typeof setTimeout> | null;
  release: (() => void) | null;
  running: Promise<void> | null;
  again: boolean;
}

/**
 * Keeps the proposals module's records (and a dashboard's count of open proposals) in line with
 * the text: proposals are made by editing, not by a mutation. At most one look per draft every
 * `delayMs` while it is edited, and only when an edit could have touched a proposal: it sets one
 * of their marks, or the text holds some (a deletion removes marked words without naming them).
 */
export class ProposalTracker implements CollaborationExtension {
  readonly name = 'proposalTracker';
  private drafts = new Map<string, Tracked>();

  constructor(
    private readonly core: Pick<CollaborationCore, 'hold' | 'events'>,
    private readonly delayMs = 1000,
  ) {}

  onStored(draftId: Types.ObjectId, stored: StoredUpdate[]): void {
    const id = draftId.toHexString();
    let t = this.drafts.get(id);
    if (!t) {
      t = { hasProposals: null, timer: null, release: null, running: null, again: false };
      this.drafts.set(id, t);
    }
    const touches =
      t.hasProposals !== false ||
      stored.some((s) => {
        const bytes = Buffer.from(s.update.buffer, s.update.byteOffset, s.update.byteLength);
        return MARK_NAMES.some((name) => bytes.includes(name));
      });
    if (!touches || t.timer) return;
    t.release ??= this.core.hold(id);
    t.timer = setTimeout(() => void this.run(id), this.delayMs);
  }

  private async run(id: string): Promise<void> {
    const t = this.drafts.get(id);
    if (!t) return;
    t.timer = null;
    if (t.running) {
      t.again = true;
      return;
    }
    t.running = (async () => {
      try {
        const { state } = await loadState(new Types.ObjectId(id));
        const doc = docOf(state);
        try {
          const { inText } = await syncProposals(new Types.ObjectId(id), doc, this.core.events);
          t.hasProposals = inText > 0;
        } finally {
          doc.destroy();
        }
      } catch (err) {
        logger.warn({ err, draftId: id }, 'could not bring the proposals in line with the text');
      }
    })();
    await t.running;
    t.running = null;
    if (t.again) {
      t.again = false;
      t.timer = setTimeout(() => void this.run(id), this.delayMs);
      return;
    }
    if (!t.timer) {
      t.release?.();
      t.release = null;
    }
  }

  onUnload(draftId: string): void {
    const t = this.drafts.get(draftId);
    if (t?.timer) clearTimeout(t.timer);
    this.drafts.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.drafts.size };
  }

  async onDestroy(): Promise<void> {
    for (const [, t] of this.drafts) {
      if (t.timer) clearTimeout(t.timer);
      t.timer = null;
      await t.running;
      t.release?.();
    }
    this.drafts.clear();
  }
}
