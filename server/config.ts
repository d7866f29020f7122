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
  /**
   * On a first start, a worked example besides the programme of work (see seed/demo-content.ts):
   * `npm start` asks for it; never in production.
   */
  demoContent: boolean;
  sessionTtlMs: number;
  maxBodyBytes: number;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  logLevel: string;
  compactEvery: number;
  compactMinIntervalMs: number;
  /** Shortest time between two writes of the update log: edits arriving meanwhile share one insert. */
  commitIntervalMs: number;
  /** Edits accepted and not yet stored beyond which new ones are refused for a moment (backpressure). */
  editBacklog: number;
  /** How long a draft nobody has open stays loaded in memory. */
  draftIdleMs: number;
  /** A person's revision of a draft closes once they have not edited it for this long. */
  revisionGapMs: number;
  /**
   * How long the history recorders (attribution, revisions) gather what was stored before writing
   * it: one write a second for every draft rather than several per commit of the log (the
   * database's work per edit is most of the server's). Tests that kill the server between an
   * edit's storing and its history's raise it; what such a kill leaves out is caught up from the log.
   */
  historyWriteDelayMs: number;
  // Notifications (issue 12, item 2).
  /** Where e-mail digests are sent through (smtp:// or smtps://); none: no e-mail. */
  smtpUrl: string | undefined;
  /** The sender of the digests. */
  mailFrom: string;
  /** At most one e-mail digest per person in this period; also how often pending notices are mailed. */
  notifyDigestMs: number;
  /** How often drafts due within 48 hours are looked for. */
  notifyDeadlineCheckMs: number;
  /** The web client's address as people reach it, for links in e-mails (default: this server's). */
  publicUrl: string | undefined;
  /**
   * How often each instance looks for silence procedures started on another instance (its own
   * get a timer at once) and for outcomes a crash left half done; deadlines passed while the
   * server was down are settled at start.
   */
  silenceSweepMs: number;
  // Operations (issue 14).
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`; otherwise it answers loopback only. */
  metricsToken: string | undefined;
  /** Express's `trust proxy`: which reverse proxies' X-Forwarded-For to believe (false: none). */
  trustProxy: boolean | number | string;
}

/** TRUST_PROXY: true/false, a number of hops, or addresses and subnets as Express takes them. */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const items = raw.split(',').map((item) => item.trim());
  const known = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
  if (items.every((item) => known.test(item))) return raw;
  throw new ConfigError(
    `TRUST_PROXY must be true, false, a number of proxies, or addresses such as loopback or 10.0.0.0/8 (got "${raw}").`,
  );
}

/**
 * A setting that cannot work, said in one line for the person who set it (no stack): the server
 * and `npm start` print it and exit with code 2. scripts/check-config.mjs runs this file before
 * anything is built, so it imports nothing but Node's own modules.
 */
export class ConfigError extends Error {
  readonly exitCode = 2;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A yes/no setting: 1, true, 0 or false. */
function flagFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name} must be 1 or 0 (got "${env[name]}").`);
}

function intFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number between ${min} and ${max} (got "${raw}").`,
    );
  }
  return value;
}

function urlFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  schemes: string[],
  example: string,
): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/[^/?#\s]+/i.exec(raw)?.[1]?.toLowerCase();
  if (!scheme || !schemes.includes(scheme)) {
    // The value may hold a password: show only how it starts.
    const shown = raw.length > 12 ? `${raw.slice(0, 12)}…` : raw;
    throw new ConfigError(
      `${name} must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}, such as ${example} (got "${shown}").`,
    );
  }
  return raw;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
  return raw as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    mongodbUri: urlFromEnv(
      env,
      'MONGODB_URI',
      ['mongodb', 'mongodb+srv'],
      'mongodb://127.0.0.1:27017/committee',
    ),
    redisUrl: urlFromEnv(env, 'REDIS_URL', ['redis', 'rediss'], 'redis://127.0.0.1:6379'),
    seedPassword: env.SEED_PASSWORD || DEFAULT_SEED_PASSWORD,
    production: env.NODE_ENV === 'production',
    demoContent: env.NODE_ENV !== 'production' && flagFromEnv(env, 'DEMO_CONTENT', false),
    sessionTtlMs: intFromEnv(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30) * 3600_000,
    maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxQueryDepth: intFromEnv(env, 'MAX_QUERY_DEPTH', 10, 2, 50),
    maxQueryComplexity: intFromEnv(env, 'MAX_QUERY_COMPLEXITY', 2000, 10, 100000),
    compactEvery: intFromEnv(env, 'COMPACT_EVERY', 1000, 10, 1_000_000),
    compactMinIntervalMs: intFromEnv(env, 'COMPACT_MIN_INTERVAL_MS', 30_000, 0, 3_600_000),
    editBacklog: intFromEnv(env, 'EDIT_BACKLOG', 5000, 10, 1_000_000),
    draftIdleMs: intFromEnv(env, 'DRAFT_IDLE_MS', 30_000, 0, 3_600_000),
    revisionGapMs: intFromEnv(env, 'REVISION_GAP_MS', 300_000, 100, 24 * 3_600_000),
    commitIntervalMs: intFromEnv(env, 'COMMIT_INTERVAL_MS', 250, 0, 60_000),
    historyWriteDelayMs: intFromEnv(env, 'HISTORY_WRITE_DELAY_MS', 1000, 0, 600_000),
    smtpUrl: urlFromEnv(
      env,
      'SMTP_URL',
      ['smtp', 'smtps'],
      'smtp://user:pass@mail.example.org:587',
    ),
    mailFrom: env.MAIL_FROM || '1540 Committee <no-reply@committee1540.example>',
    notifyDigestMs: intFromEnv(env, 'NOTIFY_DIGEST_MS', 300_000, 100, 24 * 3_600_000),
    notifyDeadlineCheckMs: intFromEnv(env, 'NOTIFY_DEADLINE_CHECK_MS', 60_000, 100, 24 * 3_600_000),
    publicUrl: urlFromEnv(env, 'PUBLIC_URL', ['http', 'https'], 'https://committee.example.org'),
    silenceSweepMs: intFromEnv(env, 'SILENCE_SWEEP_MS', 30_000, 50, 3_600_000),
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxy: trustProxyFromEnv(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, env.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}
