import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { graphqlDuration, httpDuration, metricsRegistry } from '../core/metrics';

/**
 * A route label out of a fixed few: a label per path (each draft's id) would grow the metrics
 * without bound.
 */
function routeOf(path: string): string {
  if (path === '/graphql' || path === '/healthz' || path === '/metrics') return path;
  if (/^\/drafts\/[^/]+\/export\.(docx|pdf)$/.test(path))
    return `/drafts/:id/export.${path.endsWith('pdf') ? 'pdf' : 'docx'}`;
  return 'web client';
}

/** The time of every HTTP request, by method, route and status. */
export const httpMetrics: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  const end = httpDuration.startTimer();
  res.once('finish', () =>
    end({ method: req.method, route: routeOf(req.path), status: String(res.statusCode) }),
  );
  next();
};

/** The time of each GraphQL operation over HTTP, by its name and type (subscriptions are counted, not timed). */
export const graphqlMetrics: ApolloServerPlugin = {
  async requestDidStart() {
    const end = graphqlDuration.startTimer();
    return {
      async willSendResponse({ operationName, operation, errors }) {
        end({
          // Named by the client; unnamed ones share one label, as do those that failed to parse.
          operation: operationName ?? '(anonymous)',
          type: operation?.operation ?? 'invalid',
          outcome: errors && errors.length > 0 ? 'error' : 'ok',
        });
      },
    };
  },
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameToken(given: string, wanted: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in Prometheus text. With METRICS_TOKEN set, only for `Authorization: Bearer
 * <token>`; without it, only from this machine: a connection from loopback that no proxy
 * forwarded (a reverse proxy on the same machine connects from loopback for everyone).
 */
export function metricsHandler(token: string | undefined): RequestHandler {
  return async (req, res) => {
    const allowed = token
      ? sameToken(req.headers.authorization ?? '', `Bearer ${token}`)
      : LOOPBACK.test(req.socket.remoteAddress ?? '') &&
        req.headers['x-forwarded-for'] === undefined &&
        req.headers.forwarded === undefined;
    if (!allowed) {
      res
        .status(token ? 401 : 403)
        .type('text/plain')
        .send(
          token
            ? 'Metrics need Authorization: Bearer <METRICS_TOKEN>.\n'
            : 'Metrics are served to this machine only (set METRICS_TOKEN to read them from elsewhere).\n',
        );
      return;
    }
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  };
}
