import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../core/errors';
import { httpStatus } from '../core/http-status';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** Oversized or malformed request bodies get a GraphQL-shaped error with a code, not an HTML page. */
export function bodyErrorHandler(
  err: BodyParserError,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (err.type === 'entity.too.large') {
    res.status(httpStatus(ErrorCode.PayloadTooLarge)).json({
      errors: [
        {
          message: `The request body is larger than the limit of ${err.limit} bytes.`,
          extensions: { code: ErrorCode.PayloadTooLarge },
        },
      ],
    });
    return;
  }
  if (err.type === 'entity.parse.failed') {
    res.status(httpStatus(ErrorCode.BadUserInput)).json({
      errors: [
        {
          message: 'The request body is not valid JSON.',
          extensions: { code: ErrorCode.BadUserInput },
        },
      ],
    });
    return;
  }
  next(err);
}
