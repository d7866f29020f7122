import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Where the work being done came from: one HTTP request, one WebSocket message, or a job. */
export interface RequestContext {
  /** Carried by every log line of the request, and sent back as `X-Request-Id`. */
  requestId: string;
  /** The client's address (behind a reverse proxy, as `trust proxy` reads it); null for jobs. */
  ip: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `fn` as part of a request: what it calls (services, and the domain events they emit, with
 * their processors' synchronous part) can ask where the work came from without passing it along.
 */
export function inRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request being served, if any. */
export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** A new request id; one the client sent is kept when it looks like one. */
export function requestIdFrom(given: unknown): string {
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(given) ? given : randomUUID();
}
