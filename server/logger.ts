import pino from 'pino';
import { LOG_LEVELS } from './config';
import { currentRequest } from './core/request-context';

const wanted = process.env.LOG_LEVEL;

/** What every log line carries of the request being served: its id (none outside requests). */
export function requestFields(): { reqId?: string } {
  const request = currentRequest();
  return request ? { reqId: request.requestId } : {};
}

export const logger = pino({
  // pino throws on an unknown level as this module loads; loadConfig reports it in one plain line instead.
  level:
    wanted !== undefined && (LOG_LEVELS as readonly string[]).includes(wanted)
      ? wanted
      : process.env.NODE_ENV === 'test'
        ? 'warn'
        : 'info',
  base: undefined,
  // Every line written while serving a request (HTTP, or a WebSocket message) carries its id,
  // whichever module writes it: no logger has to be passed down.
  mixin: requestFields,
});

export type Logger = typeof logger;
