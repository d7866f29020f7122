import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import mongoose from 'mongoose';
import { ArgumentValidationError } from 'type-graphql';
import { logger } from '../logger';
import { ErrorCode } from './errors';

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function describe(issues: ValidationIssue[], prefix = ''): string[] {
  return issues.flatMap((issue) => {
    const path = prefix ? `${prefix}.${issue.property}` : issue.property;
    const own = Object.values(issue.constraints ?? {}).map((m) => (m.startsWith(issue.property) ? `${prefix ? `${prefix}.` : ''}${m}` : `${path}: ${m}`));
    return [...own, ...describe(issue.children ?? [], path)];
  });
}

const isDatabaseDown = (err: unknown) =>
  err instanceof Error && ['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoNotConnectedError', 'MongoTopologyClosedError'].includes(err.name);

/**
 * Shapes every error a client sees (HTTP and WebSocket alike): input problems say what is wrong,
 * internal failures are logged and hidden.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof ArgumentValidationError) {
    const issues = describe(original.extensions.validationErrors as ValidationIssue[]);
    return { ...formatted, message: `Invalid input: ${issues.join('; ')}`, extensions: { code: ErrorCode.BadUserInput, issues } };
  }
  if (original instanceof mongoose.Error.ValidationError || original instanceof mongoose.Error.CastError) {
    return { ...formatted, message: `Invalid input: ${original.message}`, extensions: { code: ErrorCode.BadUserInput } };
  }
  if (isDatabaseDown(original)) {
    logger.error({ err: original }, 'database unavailable');
    return { ...formatted, message: 'The database is not answering; try again shortly.', extensions: { code: ErrorCode.DatabaseUnavailable } };
  }
  const code = formatted.extensions?.code;
  // graphql-js reports variables that do not coerce (an object where a string belongs, a bad date)
  // as 'Variable "$x" got invalid value ...'; Apollo leaves them without a code.
  if ((!code || code === ErrorCode.Internal) && !formatted.path && /^Variable "\$[^"]+" /.test(formatted.message)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BadUserInput } };
  }
  if (!code || code === ErrorCode.Internal) {
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.Internal } };
  }
  const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
