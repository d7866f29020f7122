import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Collaboration } from '../collaboration/collaboration';
import type { Config } from '../config';
import { observeServer } from '../core/metrics';
import { inRequest, requestIdFrom } from '../core/request-context';
import type { Database } from '../db/database';
import { accountMail } from '../events/accounts';
import { createMailer } from '../events/mail';
import { notificationSchedules } from '../events/notifications';
import { startProcessors } from '../events/processors';
import { silenceDeadlines } from '../events/silence';
import type { Context } from '../graphql/context';
import { databaseUnavailable, formatError, isDatabaseDown } from '../graphql/format-error';
import { checkQueryLimits } from '../graphql/limits';
import { createLoaders } from '../graphql/loaders';
import { appSchema } from '../graphql/schema';
import { unavailableStatus } from '../graphql/unavailable-status';
import { logger } from '../logger';
import { sessionCache } from '../modules/auth/session-cache';
import { PdfRenderer } from '../modules/documents/pdf-renderer';
import { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';
import { appErrorHandler } from './app-errors';
import { userFromAuthorization } from './auth-header';
import { bodyErrorHandler } from './body-errors';
import { documentRoutes } from './document-routes';
import { healthHandler } from './health';
import { graphqlMetrics, httpMetrics, metricsHandler } from './metrics';
import { securityHeaders } from './security-headers';
import { serveWebClient } from './web-client';
import { attachWebSocket } from './websocket';

export interface RunningApp {
  collab: Collaboration;
  /** This instance's domain events (tests emit on it, as another part's service would). */
  events: DomainEvents;
  url: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

export async function startApp(
  config: Config,
  db: Database,
  pubSub: AppPubSub,
): Promise<RunningApp> {
  const schema = await appSchema();
  const limits = { maxDepth: config.maxQueryDepth, maxComplexity: config.maxQueryComplexity };
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, the address it forwarded (X-Forwarded-For) is the client's: only for
  // the proxies TRUST_PROXY names, or anyone could pose as any address by sending the header.
  app.set('trust proxy', config.trustProxy);
  if (config.production) app.use(securityHeaders());
  app.use(httpMetrics);
  // Every request runs in its own context (its id and address), for logs and the audit trail.
  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    inRequest({ requestId, ip: req.ip ?? null }, next);
  });
  const httpServer = http.createServer(app);
  const events = new DomainEvents();
  const collab = new Collaboration(pubSub, {
    compactEvery: config.compactEvery,
    compactMinIntervalMs: config.compactMinIntervalMs,
    commitIntervalMs: config.commitIntervalMs,
    maxBacklog: config.editBacklog,
    idleMs: config.draftIdleMs,
    revisionGapMs: config.revisionGapMs,
    historyWriteDelayMs: config.historyWriteDelayMs,
    events,
  });
  const stopProcessors = startProcessors(events, { pubSub, collab });
  let publicUrl = config.publicUrl ?? '';
  // One mail transport for the digests and the account links (SMTP_URL; none without it).
  const mailer = createMailer(config);
  const stopAccountMail = accountMail(events, mailer.mail);
  const stopNotificationSchedules = notificationSchedules(events, {
    ...config,
    mail: mailer.mail,
    baseUrl: () => publicUrl,
  });
  // Silence deadlines: passed ones settled now, the others by timers (stopped on close).
  const stopSilenceDeadlines = silenceDeadlines(events, { sweepMs: config.silenceSweepMs });
  // A session revoked on any instance leaves this one's cache too (this instance's own
  // revocations have already left it).
  // Sessions seen by an earlier server in this process (tests restart them) are not trusted.
  sessionCache.clear();
  const stopSessionEviction = pubSub.listen(Topic.SessionRevoked, ALL, ({ sessionId }) =>
    sessionCache.revoke(sessionId),
  );
  // Someone's groups changed (on any instance): their cached sessions are read again.
  const stopMembershipEviction = pubSub.listen(Topic.MembershipChanged, ALL, ({ userId }) =>
    sessionCache.forgetUser(userId),
  );
  const ws = attachWebSocket(httpServer, schema, { pubSub, events }, collab, {
    ...limits,
    maxPayload: config.maxBodyBytes,
    sessionTtlMs: config.sessionTtlMs,
    baseUrl: () => publicUrl,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts stops everything in order on SIGINT/SIGTERM; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    // In production the schema is not handed to whoever asks (the client is built with it).
    introspection: !config.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces serve only a federated subgraph, which this schema is not; left to Apollo, the
      // plugin is loaded anyway, and with it the usage-reporting protobuf code (0.8 MiB of heap).
      ApolloServerPluginInlineTraceDisabled(),
      unavailableStatus,
      graphqlMetrics,
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ request, document }) {
              const errors = checkQueryLimits(
                schema,
                document,
                request.variables,
                request.operationName,
                limits,
              );
              if (errors.length > 0) throw errors[0];
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', healthHandler(db));
  app.get('/metrics', metricsHandler(config.metricsToken));
  // Redis came back after an outage: this instance's clients missed the other instances' events.
  const stopResumed = pubSub.onResumed(() => ws.reconnectAll());
  const stopObserving = observeServer({
    webSocketConnections: ws.connections,
    activeSubscriptions: ws.subscriptions,
    databaseUp: () => db.ping(),
  });
  app.use(
    '/graphql',
    express.json({ limit: config.maxBodyBytes }),
    bodyErrorHandler,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => ({
        ...(await userFromAuthorization(req.headers.authorization).catch((err: unknown) => {
          throw isDatabaseDown(err) ? databaseUnavailable(err as Error) : err;
        })),
        loaders: createLoaders(),
        pubSub,
        events,
        config: { sessionTtlMs: config.sessionTtlMs, baseUrl: () => publicUrl },
        collab,
        connectionId: null,
      }),
    }),
  );

  const pdf = new PdfRenderer();
  app.use(documentRoutes(collab, pdf, events));
  serveWebClient(app, config);
  app.use(appErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  logger.info({ url: `${url}/graphql` }, 'server listening');
  publicUrl ||= url;

  return {
    collab,
    events,
    url,
    port,
    httpServer,
    async close() {
      // First: no deadline is settled while the rest shuts down.
      stopSilenceDeadlines();
      await ws.close();
      await apollo.stop();
      await collab.close();
      await pdf.close();
      stopProcessors();
      stopNotificationSchedules();
      stopAccountMail();
      mailer.close();
      stopSessionEviction();
      stopMembershipEviction();
      stopObserving();
      stopResumed();
      sessionCache.clear();
    },
  };
}
