import type { Request, Response } from 'express';
import { appError, ErrorCode, notFound } from '../core/errors';
import { appErrorHandler } from './app-errors';

function answer(err: unknown) {
  const sent: { status?: number; body?: unknown; passedOn?: unknown } = {};
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  } as unknown as Response;
  appErrorHandler(err, {} as Request, res, (e?: unknown) => (sent.passedOn = e));
  return sent;
}

describe('refusals over plain HTTP', () => {
  it('answer with the status of their code and the GraphQL body shape', () => {
    expect(answer(notFound('Draft', 'abc'))).toEqual({
      status: 404,
      body: {
        errors: [{ message: 'Draft abc does not exist.', extensions: { code: 'NOT_FOUND' } }],
      },
    });
    const throttled = answer(
      appError(ErrorCode.TooManyRequests, 'Slow down.', { retryAfterSeconds: 3 }),
    );
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({
      errors: [
        { message: 'Slow down.', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 3 } },
      ],
    });
  });

  it('leave any other error to Express', () => {
    const err = new Error('boom');
    expect(answer(err)).toEqual({ passedOn: err });
  });
});
