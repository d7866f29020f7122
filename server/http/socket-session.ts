import type { WebSocket } from 'ws';
import { CLOSE_SESSION_EXPIRED, CLOSE_SESSION_REVOKED } from '../../client/src/collab/wire';
import type { AuthUser } from '../core/auth-user';
import type { AppPubSub } from '../pubsub/pubsub';
import { Topic } from '../pubsub/topics';

/**
 * Binds a socket to its session: it lives no longer than the session, closed on logout or
 * revocation (on any instance: through pub/sub) and at expiry. Both sockets (GraphQL and
 * `/collab`) use the same close codes, which the client reads as "sign in again". Returns what
 * undoes the binding, for when the socket closes first.
 */
export function bindSocketToSession(
  socket: WebSocket,
  user: AuthUser,
  pubSub: AppPubSub,
): () => void {
  const unlisten = pubSub.listen(Topic.SessionRevoked, user.sessionId.toHexString(), () =>
    socket.close(CLOSE_SESSION_REVOKED, 'Session revoked'),
  );
  const expiry = setTimeout(
    () => socket.close(CLOSE_SESSION_EXPIRED, 'Session expired'),
    Math.min(user.sessionExpiresAt.getTime() - Date.now(), 2 ** 31 - 1),
  );
  expiry.unref();
  return () => {
    unlisten();
    clearTimeout(expiry);
  };
}
