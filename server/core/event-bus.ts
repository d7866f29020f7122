export type EventHandler<E> = (event: E) => void;

/**
 * A typed in-process bus: `M` maps each event name to what it carries. Handlers run synchronously,
 * in the order they subscribed, before `emit` returns, so whatever they publish goes out before
 * the emitter answers its caller.
 */
export class EventBus<M extends object> {
  private handlers = new Map<keyof M, Set<EventHandler<never>>>();

  /** `onError` hears of a handler that threw; the other handlers still run. */
  constructor(private readonly onError: (err: unknown, type: keyof M) => void) {}

  on<K extends keyof M>(type: K, handler: EventHandler<M[K]>): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    set.add(handler as EventHandler<never>);
    return () => set.delete(handler as EventHandler<never>);
  }

  emit<K extends keyof M>(type: K, event: M[K]): void {
    for (const handler of this.handlers.get(type) ?? []) {
      try {
        (handler as EventHandler<M[K]>)(event);
      } catch (err) {
        this.onError(err, type);
      }
    }
  }

  listenerCount(type: keyof M): number {
    return this.handlers.get(type)?.size ?? 0;
  }
}
