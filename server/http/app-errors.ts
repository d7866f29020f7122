import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../core/errors';
import { httpStatus } from '../core/http-status';

/**
 * Answers a refusal from a plain HTTP route (an export, a download) with its status and the same
 * body shape GraphQL clients read: a route just throws or passes on what a service threw.
 * Anything else goes on to Express's own handling.
 */
export function appErrorHandler(
  err: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (!(err instanceof AppError)) {
    next(err);
    return;
  }
  res
    .status(httpStatus(err.code))
    .json({ errors: [{ message: err.message, extensions: { ...err.details, code: err.code } }] });
}
