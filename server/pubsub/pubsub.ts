import { Topic, TopicPayloads } from './topics';

export type Handler<T extends Topic> = (payload: TopicPayloads[T]) => void;

/**
 * The one pub/sub interface of the server: in-process for one instance, Redis when several
 * instances share the load. Handlers of one event all receive the same payload object, which
 * lets subscriptions with the same selection share one execution.
 */
export interface AppPubSub {
  publish<T extends Topic>(topic: T, id: string, payload: TopicPayloads[T]): void;
  /** Registers at once (no event published after this call is missed); returns the unsubscribe. */
  listen<T extends Topic>(topic: T, id: string, handler: Handler<T>): () => void;
  /** Handlers on this instance that receive a channel's events now: a figure for operators, and
   * the condition a client waits on where graphql-ws does not acknowledge a subscription. */
  listenerCount(topic: Topic, id: string): number;
  /**
   * Calls `fn` each time events from other instances flow again after an interruption (Redis
   * came back and every channel is subscribed again): what they published meanwhile never
   * arrived here, so whoever relays events must let its clients catch up from the database.
   * In-process pub/sub is never interrupted.
   */
  onResumed(fn: () => void): () => void;
  close(): Promise<void>;
}

export const channel = (topic: Topic, id: string) => `${topic}:${id}`;

/** Where several listeners share a channel, one map of handler sets per instance. */
export class HandlerRegistry {
  private handlers = new Map<string, Set<(payload: unknown) => void>>();

  add(
    name: string,
    handler: (payload: unknown) => void,
  ): { first: boolean; remove: () => boolean } {
    const existing = this.handlers.get(name);
    const first = !existing;
    const set = existing ?? new Set<(payload: unknown) => void>();
    if (first) this.handlers.set(name, set);
    set.add(handler);
    return {
      first,
      remove: () => {
        set.delete(handler);
        if (set.size > 0) return false;
        this.handlers.delete(name);
        return true;
      },
    };
  }

  /** The channels with a handler on this instance. */
  names(): IterableIterator<string> {
    return this.handlers.keys();
  }

  count(name: string): number {
    return this.handlers.get(name)?.size ?? 0;
  }

  dispatch(name: string, payload: unknown): void {
    for (const handler of this.handlers.get(name) ?? []) handler(payload);
  }
}
