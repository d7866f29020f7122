import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config';
import { Platform, startPlatform } from '../../server/platform';
import { Topic } from '../../server/pubsub/topics';
import { until } from './wait';

export { Topic };

export const TEST_PASSWORD = 'test-seed-password-1540';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestPlatform {
  platform: Platform;
  url: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read untyped responses freely; typing the 155 calls is a follow-up.
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  login(email: string, password?: string): Promise<string>;
  ws(token?: string): Client;
  /** How many subscriptions listen to the channel on this server now. */
  listeners(topic: Topic, id: string): number;
  /** Resolves once `count` subscriptions listen to the channel here (graphql-ws acknowledges none). */
  listening(topic: Topic, id: string, count: number): Promise<void>;
  /** Stops the server and starts it again on the same port and data (clients reconnect); `whileDown` runs in between. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** A real server on a free port over its own fresh embedded database (one per test file). */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'committee-test-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_PASSWORD: TEST_PASSWORD,
    // Tests set a small COMPACT_EVERY to see a draft compacted many times while it is edited.
    COMPACT_MIN_INTERVAL_MS: '0',
    ...env,
  });
  let platform = await startPlatform(config);
  const url = platform.app.url;
  const clients: Client[] = [];

  const gql: TestPlatform['gql'] = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult;
    // biome-ignore lint/suspicious/noExplicitAny: the caller's T, which this untyped arrow cannot name.
    return { ...body, status: res.status } as GqlResult<any>;
  };

  const handle: TestPlatform = {
    platform,
    url,
    gql,
    async login(email, password = TEST_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!res.data?.login)
        throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    ws(token) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    listeners(topic, id) {
      return handle.platform.pubSub.listenerCount(topic, id);
    },
    listening(topic, id, count) {
      return until(
        () => handle.platform.pubSub.listenerCount(topic, id) >= count,
        10_000,
        `${count} listeners on ${topic}:${id}`,
      );
    },
    async restart(whileDown) {
      await platform.stop();
      await whileDown?.();
      platform = await startPlatform({ ...config, port: platform.app.port });
      handle.platform = platform;
    },
    async stop() {
      await Promise.all(clients.map((c) => Promise.resolve(c.dispose()).catch(() => undefined)));
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

export interface Subscription<T> {
  /** The next event; rejects with the error (codes, close code) the server sent instead, or on timeout. */
  next(timeoutMs?: number): Promise<T>;
  dispose(): void;
}

type Outcome<T> = { data: T } | { error: Error };

function describeError(err: unknown): Error {
  if (Array.isArray(err))
    return new Error(
      JSON.stringify(err.map((e) => ({ message: e.message, code: e.extensions?.code }))),
    );
  if (err && typeof err === 'object' && 'code' in err && 'reason' in err) {
    return new Error(
      `socket closed ${(err as { code: number }).code} ${(err as { reason: string }).reason}`,
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Subscribes and queues events (and errors), so a test can await them in order. */
// biome-ignore lint/suspicious/noExplicitAny: as gql above: tests read untyped events freely.
export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription<T> {
  const queue: Outcome<T>[] = [];
  const waiters: ((o: Outcome<T>) => void)[] = [];
  const push = (o: Outcome<T>) => {
    const waiter = waiters.shift();
    if (waiter) waiter(o);
    else queue.push(o);
  };
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) =>
        push(value.errors ? { error: describeError(value.errors) } : { data: value.data as T }),
      error: (err) => push({ error: describeError(err) }),
      complete: () => undefined,
    },
  );
  const settle = (o: Outcome<T>) =>
    'error' in o ? Promise.reject(o.error) : Promise.resolve(o.data);
  return {
    dispose,
    next(timeoutMs = 5000) {
      const queued = queue.shift();
      if (queued !== undefined) return settle(queued);
      return new Promise<Outcome<T>>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push((o) => {
          clearTimeout(timer);
          resolve(o);
        });
      }).then(settle);
    },
  };
}
