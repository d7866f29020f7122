import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { CollabSocket } from '../collab/collab-socket';
import { prefetchedLink } from './prefetched-link';
import { session } from './session';

/** Close codes the server uses for a session that is no longer valid. */
const SESSION_EXPIRED = 4401;
const SESSION_REVOKED = 4403;

export type ConnectionState = 'connecting' | 'connected' | 'offline';
const connectionListeners = new Set<(s: ConnectionState) => void>();
export let connectionState: ConnectionState = 'connecting';
function setConnection(s: ConnectionState): void {
  connectionState = s;
  for (const l of connectionListeners) l(s);
}
export function onConnection(listener: (s: ConnectionState) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

const wsUrl = (path: string): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;

// The draft editor's binary socket goes with the GraphQL socket of the same session, and ends with it.
const collabSockets = new WeakMap<Client, CollabSocket>();

/** The co-editing socket of the session whose GraphQL socket this is. */
export function collabSocketOf(ws: Client): CollabSocket {
  let socket = collabSockets.get(ws);
  if (!socket) {
    socket = new CollabSocket({
      url: wsUrl('/collab'),
      token: () => session.get()?.token ?? null,
      retryWaitMs: (attempt) => Math.min(10_000, 300 * 2 ** attempt) + Math.random() * 300,
      onSessionEnded: () => session.end('expired'),
    });
    collabSockets.set(ws, socket);
  }
  return socket;
}

/** Closes both sockets of a session. */
export function disposeWsClient(ws: Client): void {
  collabSockets.get(ws)?.close();
  collabSockets.delete(ws);
  // A socket still connecting rejects its disposal with the close event: nothing to do then.
  void Promise.resolve(ws.dispose()).catch(() => undefined);
}

/**
 * One WebSocket per session for subscriptions and for the draft editor's edits. It reconnects
 * forever with backoff; a socket closed because the session ended signs the person out.
 */
export function createWsClient(): Client {
  const client = createClient({
    url: wsUrl('/graphql'),
    // Opened at once for a signed-in person: every page subscribes to something, and the draft
    // editor's first replay should not wait for a handshake.
    lazy: session.get() === null,
    keepAlive: 10_000,
    retryAttempts: Infinity,
    shouldRetry: (event) => {
      const code = (event as CloseEvent | undefined)?.code;
      return code !== SESSION_EXPIRED && code !== SESSION_REVOKED;
    },
    retryWait: async (retries) => {
      await new Promise((r) =>
        setTimeout(r, Math.min(10_000, 300 * 2 ** retries) + Math.random() * 300),
      );
    },
    connectionParams: () => {
      const s = session.get();
      return s ? { authorization: `Bearer ${s.token}` } : {};
    },
    on: {
      connecting: () => setConnection('connecting'),
      connected: () => setConnection('connected'),
      closed: (event) => {
        const code = (event as CloseEvent | undefined)?.code;
        if (code === SESSION_EXPIRED || code === SESSION_REVOKED) session.end('expired');
        else setConnection('offline');
      },
    },
  });
  return client;
}

export function createApolloClient(ws: Client): ApolloClient {
  const http = new HttpLink({ uri: '/graphql' });
  const auth = new ApolloLink((operation, forward) => {
    const s = session.get();
    if (s)
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${s.token}` },
      }));
    return forward(operation);
  });
  // A request refused for want of a session while one was held means it expired or was revoked.
  const expiry = new ErrorLink(({ error, operation }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    const unauthenticated = error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated && operation.operationName !== 'SignIn') session.end('expired');
  });
  const split = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([auth, prefetchedLink(), http]),
  );
  const apollo = new ApolloClient({
    link: ApolloLink.from([expiry, split]),
    cache: new InMemoryCache({
      typePolicies: {
        // Comment lists are replaced wholesale when refetched; no merge warnings.
        Query: { fields: { comments: { merge: false }, meetings: { merge: false } } },
        // Revisions: a page replaces the field; "Show more" merges pages itself (fetchMore).
        Draft: {
          fields: {
            editors: { merge: false },
            activity: { merge: false },
            revisions: { merge: false },
          },
        },
        Meeting: { fields: { agenda: { merge: false } } },
        // Abilities have no id: each answer (a query, a status event) updates the ones in the cache.
        DraftAbilities: { merge: true },
        CommentAbilities: { merge: true },
        WorkingGroupAbilities: { merge: true },
        MeetingAbilities: { merge: true },
        AgendaItemAbilities: { merge: true },
      },
    }),
  });
  // Live events published while the socket was down never arrive: after a reconnect, whatever a
  // page shows is read again (the draft editor catches up by itself, from its last seq).
  let connectedBefore = false;
  ws.on('connected', () => {
    if (connectedBefore) void apollo.refetchQueries({ include: 'active' }).catch(() => undefined);
    connectedBefore = true;
  });
  return apollo;
}
