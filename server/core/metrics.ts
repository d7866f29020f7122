import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (`GET /metrics`). One registry per process: tests start
 * several servers in one, and each server's gauges read that server through `observe*` below.
 * Default metrics give the event-loop delay (nodejs_eventloop_lag_*), process memory
 * (process_resident_memory_bytes, nodejs_heap_size_*) and CPU.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 10 });

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'GraphQL queries and mutations over HTTP by operation name and type',
  labelNames: ['operation', 'type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const updatesStored = new Counter({
  name: 'draft_updates_stored_total',
  help: 'Yjs updates durably stored in the update log (rate() gives updates stored per second)',
  registers: [metricsRegistry],
});

export const commitBatchSize = new Histogram({
  name: 'draft_update_commit_batch_size',
  help: 'Updates written by one group commit of the update log',
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  registers: [metricsRegistry],
});

export const storeLatency = new Histogram({
  name: 'draft_update_store_seconds',
  help: 'Time of one group-commit insert of the update log (durable write)',
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const compactions = new Counter({
  name: 'draft_compactions_total',
  help: 'Compactions of a draft log into its snapshot, by outcome and by what was merged (the document kept in memory, or the log read back)',
  labelNames: ['outcome', 'source'] as const,
  registers: [metricsRegistry],
});

/** What the gauges read from the running server, set by it as it starts (and cleared on close). */
export interface LiveFigures {
  webSocketConnections(): number;
  activeSubscriptions(): number;
  databaseUp(): Promise<boolean>;
}
let live: LiveFigures | undefined;

export function observeServer(figures: LiveFigures): () => void {
  live = figures;
  return () => {
    if (live === figures) live = undefined;
  };
}

new Gauge({
  name: 'websocket_connections',
  help: 'Open WebSocket connections (GraphQL and the editors’ binary socket)',
  registers: [metricsRegistry],
  collect() {
    this.set(live?.webSocketConnections() ?? 0);
  },
});

new Gauge({
  name: 'graphql_active_subscriptions',
  help: 'GraphQL subscriptions running on this server',
  registers: [metricsRegistry],
  collect() {
    this.set(live?.activeSubscriptions() ?? 0);
  },
});

new Gauge({
  name: 'database_up',
  help: '1 while the database answers a ping, 0 otherwise',
  registers: [metricsRegistry],
  async collect() {
    this.set((await live?.databaseUp()) ? 1 : 0);
  },
});
