import { Types } from 'mongoose';
import type { WebSocket } from 'ws';
import { CLOSE_SESSION_EXPIRED, CLOSE_SESSION_REVOKED } from '../../client/src/collab/wire';
import type { AuthUser } from '../core/auth-user';
import type { Role } from '../core/role';
import type { AppPubSub } from '../pubsub/pubsub';
import { type MembershipPayload, Topic } from '../pubsub/topics';

/**
 * A socket keeps its person for as long as it is open; when the Secretariat changes their groups
 * (on any instance), the person it holds changes with them, so that the edit gate and every
 * subscription's policy check read the new groups from the next message on.
 */
export function applyMembership(user: AuthUser, m: MembershipPayload): void {
  user.roles = m.roles as Role[];
  user.workingGroupIds = m.workingGroupIds.map((id) => new Types.ObjectId(id));
}

/**
 * Binds a socket to its session: it lives no longer than the session, closed on logout or
 * revocation (on any instance: through pub/sub) and at expiry, and it follows the person's
 * membership changes. Both sockets (GraphQL and
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
  const unlistenMembership = pubSub.listen(Topic.MembershipChanged, user.id, (m) =>
    applyMembership(user, m),
  );
  const expiry = setTimeout(
    () => socket.close(CLOSE_SESSION_EXPIRED, 'Session expired'),
    Math.min(user.sessionExpiresAt.getTime() - Date.now(), 2 ** 31 - 1),
  );
  expiry.unref();
  return () => {
    unlisten();
    unlistenMembership();
    clearTimeout(expiry);
  };
}
