import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config';
import { Platform, startPlatform } from '../../server/platform';

export const TEST_PASSWORD = 'test-seed-password-1540';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestPlatform {
  platform: Platform;
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  login(email: string, password?: string): Promise<string>;
  ws(token?: string): Client;
  stop(): Promise<void>;
}

/** A real server on a free port over its own fresh embedded database (one per test file). */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'committee-test-'));
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_PASSWORD: TEST_PASSWORD, ...env });
  const platform = await startPlatform(config);
  const url = platform.app.url;
  const clients: Client[] = [];

  const gql: TestPlatform['gql'] = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult;
    return { ...body, status: res.status } as GqlResult<any>;
  };

  return {
    platform,
    url,
    gql,
    async login(email, password = TEST_PASSWORD) {
      const res = await gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
      if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
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
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Subscription<T> {
  /** The next event; rejects if none arrives within the timeout. */
  next(timeoutMs?: number): Promise<T>;
  /** Resolves once the server has acknowledged the subscription (first event or error aside). */
  errors: unknown[];
  dispose(): void;
}

/** Subscribes and queues events, so a test can await them in order. */
export function subscribe<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const queue: T[] = [];
  const waiters: ((v: T) => void)[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        const data = value.data as T;
        const waiter = waiters.shift();
        if (waiter) waiter(data);
        else queue.push(data);
      },
      error: (err) => errors.push(err),
      complete: () => undefined,
    },
  );
  return {
    errors,
    dispose,
    next(timeoutMs = 5000) {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms; errors: ${JSON.stringify(errors)}`)), timeoutMs);
        waiters.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
      });
    },
  };
}

/** Waits until the condition holds, polling; for state that changes asynchronously. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
