import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../server/config';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { logger } from '../server/logger';
import { startPlatform } from '../server/platform';
import { ms, percentile } from './bench/stats';

const QUERY =
  '{ meetings { id date title kind agenda { id order title reference subItems { id order title reference } } } }';
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);

/** Prints cold-start figures of the embedded database and the latency of listing every meeting with its agenda. */
async function main() {
  logger.level = process.env.LOG_LEVEL || 'warn';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'committee-bench-'));
  try {
    // Embedded database alone: first start on empty files, then a restart on the same files.
    const db = new EmbeddedDatabase(path.join(dir, 'db-only'));
    let t0 = performance.now();
    await db.start();
    const firstStart = performance.now() - t0;
    await db.stop();
    t0 = performance.now();
    await db.start();
    const restart = performance.now() - t0;
    await db.stop();

    const config = loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'platform'),
      SEED_PASSWORD: 'bench-password-1540',
      LOG_LEVEL: 'warn',
    });
    t0 = performance.now();
    const platform = await startPlatform(config);
    const platformStart = performance.now() - t0;
    const url = `${platform.app.url}/graphql`;
    const post = (body: unknown, token?: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const login = (await (
      await post({
        query:
          'mutation { login(email: "observer@committee.test", password: "bench-password-1540") { token } }',
      })
    ).json()) as { data: { login: { token: string } } };
    const token: string = login.data.login.token;

    for (let i = 0; i < 10; i += 1) await (await post({ query: QUERY }, token)).json(); // warm-up
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < REQUESTS; i += 1) {
      const start = performance.now();
      const body = (await (await post({ query: QUERY }, token)).json()) as {
        errors?: unknown;
        data: { meetings: { agenda: unknown[] }[] };
      };
      times.push(performance.now() - start);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      items = body.data.meetings.reduce((n, m) => n + m.agenda.length, 0);
    }
    times.sort((a, b) => a - b);
    await platform.stop();

    console.log('embedded database (FerretDB on SQLite)');
    console.log(`  first start, empty data dir:   ${ms(firstStart)}`);
    console.log(`  restart on existing files:     ${ms(restart)}`);
    console.log(`  platform start (db, indexes, seed, server): ${ms(platformStart)}`);
    console.log(`meetings with agendas (${items} agenda items), ${REQUESTS} sequential requests`);
    console.log(
      `  p50 ${ms(percentile(times, 50))}   p99 ${ms(percentile(times, 99))}   max ${ms(times[times.length - 1])}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
