import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { inRequest, requestIdFrom } from '../core/request-context';

/**
 * Every message of a WebSocket is handled in a request context of its own, as an HTTP request is:
 * its id is the connection's (the upgrade request's `X-Request-Id`, or a new one) with the
 * message's number, so a connection's log lines are found together and each message's apart; its
 * address is the upgrade request's (as `trust proxy` reads it, through Express's `req.ip` when
 * there, else the socket's). Listeners on 'message' (graphql-ws, the collab socket) are called
 * from `emit`, so wrapping `emit` puts all of them, whoever registered them, in the context.
 */
export function runMessagesInContext(socket: WebSocket, req: IncomingMessage): void {
  const base = requestIdFrom(req.headers['x-request-id']);
  const ip = (req as IncomingMessage & { ip?: string }).ip ?? req.socket.remoteAddress ?? null;
  let n = 0;
  const emit = socket.emit.bind(socket);
  socket.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args);
    n += 1;
    return inRequest({ requestId: `${base}.${n}`, ip }, () => emit(event, ...args));
  };
}
