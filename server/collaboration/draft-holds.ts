/** What the registry tells its owner about a draft's life on this instance. */
export interface DraftLifecycle {
  opened(draftId: string): void;
  closed(draftId: string): void;
  unload(draftId: string): void;
}

interface Entry {
  holders: number;
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * Reference counts of the drafts loaded on this instance. A draft is unloaded only once nobody
 * held it for `idleMs`, so a client that reconnects (a network blip, a page reload) finds its
 * draft still loaded instead of making it load, unload and load again.
 */
export class DraftHolds {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly idleMs: number,
    private readonly lifecycle: DraftLifecycle,
  ) {}

  hold(draftId: string): () => void {
    let entry = this.entries.get(draftId);
    if (!entry) {
      entry = { holders: 0, idle: null };
      this.entries.set(draftId, entry);
    }
    if (entry.idle) clearTimeout(entry.idle);
    entry.idle = null;
    entry.holders += 1;
    if (entry.holders === 1) this.lifecycle.opened(draftId);
    let released = false;
    return () => {
      // A release called twice (a queue closed from both ends) must not free someone else's hold.
      if (released) return;
      released = true;
      this.release(draftId);
    };
  }

  private release(draftId: string): void {
    const entry = this.entries.get(draftId);
    if (!entry) return;
    entry.holders -= 1;
    if (entry.holders > 0) return;
    this.lifecycle.closed(draftId);
    entry.idle = setTimeout(() => {
      if (this.entries.get(draftId) !== entry || entry.holders > 0) return;
      this.entries.delete(draftId);
      this.lifecycle.unload(draftId);
    }, this.idleMs);
    // An idle draft waiting to be dropped must not keep the process alive on shutdown.
    entry.idle.unref?.();
  }

  isLoaded(draftId: string): boolean {
    return this.entries.has(draftId);
  }

  get size(): number {
    return this.entries.size;
  }

  get holders(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.holders;
    return n;
  }

  /** On shutdown: everything is dropped at once. */
  unloadAll(): void {
    for (const [draftId, entry] of this.entries) {
      if (entry.idle) clearTimeout(entry.idle);
      this.lifecycle.unload(draftId);
    }
    this.entries.clear();
  }
}
