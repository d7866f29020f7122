import path from 'node:path';

/** Password the seed gives demo accounts when SEED_PASSWORD is not set. */
export const DEFAULT_SEED_PASSWORD = 'committee-1540-demo';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | undefined;
  redisUrl: string | undefined;
  seedPassword: string;
  production: boolean;
  sessionTtlMs: number;
  maxBodyBytes: number;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  logLevel: string;
  compactEvery: number;
  /** How long a draft nobody has open stays loaded in memory. */
  draftIdleMs: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    mongodbUri: env.MONGODB_URI || undefined,
    redisUrl: env.REDIS_URL || undefined,
    seedPassword: env.SEED_PASSWORD || DEFAULT_SEED_PASSWORD,
    production: env.NODE_ENV === 'production',
    sessionTtlMs: intFromEnv(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30) * 3600_000,
    maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxQueryDepth: intFromEnv(env, 'MAX_QUERY_DEPTH', 10, 2, 50),
    maxQueryComplexity: intFromEnv(env, 'MAX_QUERY_COMPLEXITY', 2000, 10, 100000),
    compactEvery: intFromEnv(env, 'COMPACT_EVERY', 1000, 10, 1_000_000),
    draftIdleMs: intFromEnv(env, 'DRAFT_IDLE_MS', 30_000, 0, 3_600_000),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}
