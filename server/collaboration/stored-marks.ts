import type { StoredDraftUpdates } from '../pubsub/topics';

type Entries = StoredDraftUpdates['entries'];

/**
 * Gathers the stored writes of every draft and announces them together at most once per
 * interval. Editors have each update already (sent live); a mark only tells them its seq, which
 * they need to resume after a reconnect, so one mark for several writes saves a frame per
 * subscriber per write at no cost to anyone's latency.
 */
export class StoredMarks {
  private pending = new Map<string, Entries>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly publish: (draftId: string, entries: Entries) => void,
    private readonly intervalMs = 100,
  ) {}

  add(draftId: string, entries: Entries): void {
    const list = this.pending.get(draftId);
    if (list) list.push(...entries);
    else this.pending.set(draftId, [...entries]);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = new Map();
    for (const [draftId, entries] of pending) this.publish(draftId, entries);
  }

  get size(): number {
    return this.pending.size;
  }
}
