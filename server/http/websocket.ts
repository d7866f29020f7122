import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ExecutionArgs, GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Collaboration } from '../collaboration/collaboration';
import { MAX_UPDATE_BYTES } from '../collaboration/update-codec';
import type { AuthUser, Context } from '../graphql/context';
import { DocumentCache } from '../graphql/document-cache';
import { formatError, isDatabaseDown } from '../graphql/format-error';
import type { QueryLimits } from '../graphql/limits';
import { createLoaders } from '../graphql/loaders';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { userFromAuthorization } from './auth-header';
import { coalesceWrites } from './coalesce-writes';
import { attachCollabSocket } from './collab-socket';
import { sharedSubscribe } from './shared-subscribe';
import { runMessagesInContext } from './socket-context';
import { bindSocketToSession } from './socket-session';

type ConnectionExtra = {
  user?: AuthUser | null;
  tokenRejected?: boolean;
  connectionId?: string;
};

/** The same error shaping as over HTTP. */
function reshape(error: GraphQLError): GraphQLError {
  const shaped = formatError(error.toJSON(), error);
  return new GraphQLError(shaped.message, { path: shaped.path, extensions: shaped.extensions });
}

/**
 * graphql-ws on the HTTP server's /graphql (the token travels in connectionParams.authorization),
 * and the binary co-editing socket on /collab (collab-socket.ts).
 */
export function attachWebSocket(
  httpServer: Server,
  schema: GraphQLSchema,
  { pubSub, events }: { pubSub: AppPubSub; events: DomainEvents },
  collab: Collaboration,
  limits: QueryLimits & { maxPayload: number; sessionTtlMs: number; baseUrl(): string },
) {
  // Two sockets share the HTTP server's upgrades, routed by path: ws's own `path` option answers
  // 400 to every other path, so two servers given it would refuse each other's clients.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });
  const collabWss = new WebSocketServer({ noServer: true, maxPayload: MAX_UPDATE_BYTES + 1024 });
  const routes = new Map([
    ['/graphql', wss],
    ['/collab', collabWss],
  ]);
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = routes.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!target) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    target.handleUpgrade(req, socket, head, (ws) => {
      runMessagesInContext(ws, req);
      target.emit('connection', ws, req);
    });
  });
  const stopCollab = attachCollabSocket(collabWss, { pubSub, collab });
  wss.on('connection', coalesceWrites);
  const documents = new DocumentCache(schema, limits);
  // The GraphQL sockets' subscriptions, counted for the metrics.
  const open = new Set<{ subscriptions: Record<string, unknown> }>();
  const contextFor = (extra: ConnectionExtra): Context => ({
    user: extra.user ?? null,
    tokenRejected: extra.tokenRejected ?? false,
    loaders: createLoaders({ cache: false }),
    pubSub,
    events,
    config: { sessionTtlMs: limits.sessionTtlMs, baseUrl: limits.baseUrl },
    collab,
    connectionId: extra.connectionId ?? null,
  });
  // biome-ignore lint/correctness/useHookAtTopLevel: graphql-ws's useServer is not a React hook.
  const cleanup = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema,
      subscribe: sharedSubscribe,
      onConnect: async (ctx) => {
        let auth: Awaited<ReturnType<typeof userFromAuthorization>>;
        try {
          auth = await userFromAuthorization(ctx.connectionParams?.authorization);
        } catch (err) {
          if (!isDatabaseDown(err)) throw err;
          // Not graphql-ws's 4500 (its clients give up on it) nor a refusal (4403 signs the person
          // out): 1013 "try again later", then false, whose 4403 the closing socket no longer sends.
          ctx.extra.socket.close(1013, 'The database is not answering; try again shortly.');
          return false;
        }
        // A bad token closes the socket at once (4403): the client must sign in again.
        if (auth.tokenRejected) return false;
        ctx.extra.user = auth.user;
        ctx.extra.tokenRejected = false;
        ctx.extra.connectionId = randomUUID();
        open.add(ctx);
        ctx.extra.socket.once('close', () => open.delete(ctx));
        const user = auth.user;
        if (user) {
          const unbind = bindSocketToSession(ctx.extra.socket, user, pubSub);
          // On the socket itself: graphql-ws's onClose is skipped for sockets that close during the handshake.
          ctx.extra.socket.once('close', unbind);
        }
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.connectionId) collab.connectionClosed(ctx.extra.connectionId);
      },
      // Returning the execution arguments skips graphql-ws's own parse and validate, done (once per text) here.
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const prepared = documents.prepare(
          payload.query,
          payload.variables ?? undefined,
          payload.operationName ?? undefined,
        );
        if (prepared.errors) return prepared.errors;
        return {
          schema,
          document: prepared.document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: contextFor(ctx.extra),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return undefined;
        return { ...result, errors: result.errors.map(reshape) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(reshape),
    },
    wss,
  );
  return {
    wss,
    /** Open sockets, both kinds. */
    connections: () => wss.clients.size + collabWss.clients.size,
    /** GraphQL subscriptions running. */
    subscriptions: () => {
      let count = 0;
      for (const ctx of open) count += Object.keys(ctx.subscriptions).length;
      return count;
    },
    /**
     * Closes every socket with 1012 ("service restart"): the clients reconnect at once and
     * subscribe again from the last update they have, so what they missed is replayed from the
     * database (after a Redis outage, see AppPubSub.onResumed).
     */
    reconnectAll() {
      for (const client of [...wss.clients, ...collabWss.clients])
        client.close(1012, 'Catching up after an interruption; reconnect');
    },
    async close() {
      stopCollab();
      for (const client of [...wss.clients, ...collabWss.clients])
        client.close(1001, 'Server shutting down');
      // A peer that never answers the close frame would hold the server open for ws's 30 s.
      const stragglers = setTimeout(() => {
        for (const c of [...wss.clients, ...collabWss.clients]) c.terminate();
      }, 1000);
      try {
        await cleanup.dispose();
      } catch (err) {
        // ws reports a server closed before as an error; closed is what we want.
        if (!(err instanceof Error && /not running/.test(err.message))) throw err;
      } finally {
        clearTimeout(stragglers);
        collabWss.close();
      }
    },
  };
}
