import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import mongoose from 'mongoose';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from '../core/errors';
import { httpStatus } from '../core/http-status';
import { logger } from '../logger';

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function describe(issues: ValidationIssue[], prefix = ''): string[] {
  return issues.flatMap((issue) => {
    const path = prefix ? `${prefix}.${issue.property}` : issue.property;
    const own = Object.values(issue.constraints ?? {}).map((m) =>
      m.startsWith(issue.property) ? `${prefix ? `${prefix}.` : ''}${m}` : `${path}: ${m}`,
    );
    return [...own, ...describe(issue.children ?? [], path)];
  });
}

const DATABASE_DOWN = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  // A connection pool is cleared when its server goes away; operations waiting on it fail with this.
  'MongoPoolClearedError',
]);

/** The database did not answer (down, restarting, unreachable), as opposed to refusing the operation. */
export function isDatabaseDown(err: unknown): boolean {
  // The driver sometimes wraps the network error it met: as the cause, or as a bulk write's
  // errorResponse (an insertMany that could not select a server).
  for (let e = err, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    if (DATABASE_DOWN.has(e.name)) return true;
    const wrapped: unknown = (e as { errorResponse?: unknown }).errorResponse;
    e = wrapped instanceof Error ? wrapped : e.cause;
  }
  return false;
}

const DATABASE_DOWN_MESSAGE = 'The database is not answering; try again shortly.';

/** The database did not answer before the operation ran (reading the session): HTTP 503 and the usual code. */
export function databaseUnavailable(original: Error): GraphQLError {
  return new GraphQLError(DATABASE_DOWN_MESSAGE, {
    originalError: original,
    extensions: {
      code: ErrorCode.DatabaseUnavailable,
      http: { status: httpStatus(ErrorCode.DatabaseUnavailable) },
    },
  });
}

/** The GraphQL code of each core error: the same names, so clients see the codes they always did. */
const graphqlCode = (code: ErrorCode): string => code;

/**
 * Shapes every error a client sees (HTTP and WebSocket alike): input problems say what is wrong,
 * internal failures are logged and hidden.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original =
    error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: graphqlCode(original.code) },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const issues = describe(original.extensions.validationErrors as ValidationIssue[]);
    return {
      ...formatted,
      message: `Invalid input: ${issues.join('; ')}`,
      extensions: { code: ErrorCode.BadUserInput, issues },
    };
  }
  if (
    original instanceof mongoose.Error.ValidationError ||
    original instanceof mongoose.Error.CastError
  ) {
    return {
      ...formatted,
      message: `Invalid input: ${original.message}`,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  if (isDatabaseDown(original)) {
    logger.error({ err: original }, 'database unavailable');
    return {
      ...formatted,
      message: DATABASE_DOWN_MESSAGE,
      extensions: { code: ErrorCode.DatabaseUnavailable },
    };
  }
  const code = formatted.extensions?.code;
  // graphql-js reports variables that do not coerce (an object where a string belongs, a bad date)
  // as 'Variable "$x" got invalid value ...'; Apollo leaves them without a code.
  if (
    (!code || code === ErrorCode.Internal) &&
    !formatted.path &&
    /^Variable "\$[^"]+" /.test(formatted.message)
  ) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  if (!code || code === ErrorCode.Internal) {
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.Internal },
    };
  }
  const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
