import pino from 'pino';
import { LOG_LEVELS } from './config';

const wanted = process.env.LOG_LEVEL;

export const logger = pino({
  // pino throws on an unknown level as this module loads; loadConfig reports it in one plain line instead.
  level:
    wanted !== undefined && (LOG_LEVELS as readonly string[]).includes(wanted)
      ? wanted
      : process.env.NODE_ENV === 'test'
        ? 'warn'
        : 'info',
  base: undefined,
});

export type Logger = typeof logger;
