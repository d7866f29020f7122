import type { Client, FormattedExecutionResult } from 'graphql-ws';

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; retryAfterMs?: number; [key: string]: unknown };
}

/** A failed operation: the server's errors, or the connection dropping before an answer. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Worth sending again as it is: the answer was lost or the server asked to slow down. */
  get retryable(): boolean {
    return (
      this.code === 'NETWORK' ||
      this.code === 'TOO_MANY_REQUESTS' ||
      this.code === 'DATABASE_UNAVAILABLE' ||
      this.code === 'INTERNAL_SERVER_ERROR'
    );
  }
}

/** One query or mutation over the graphql-ws socket (ordered with the subscriptions on it). */
export function request<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let result: FormattedExecutionResult<T, unknown> | undefined;
    const timer = setTimeout(() => {
      dispose();
      reject(new RequestError(`no answer within ${timeoutMs} ms`, 'NETWORK'));
    }, timeoutMs);
    const dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => (result = value),
        error: (err) => {
          clearTimeout(timer);
          const errors = Array.isArray(err) ? (err as GraphQLErrorLike[]) : null;
          if (errors?.length)
            reject(new RequestError(errors[0].message, errors[0].extensions?.code ?? 'ERROR'));
          else
            reject(
              new RequestError(
                `connection lost: ${(err as { reason?: string })?.reason ?? String(err)}`,
                'NETWORK',
              ),
            );
        },
        complete: () => {
          clearTimeout(timer);
          const errors = result?.errors as GraphQLErrorLike[] | undefined;
          if (errors?.length) {
            const e = errors[0];
            reject(
              new RequestError(
                e.message,
                e.extensions?.code ?? 'ERROR',
                e.extensions?.retryAfterMs,
              ),
            );
          } else if (result?.data) resolve(result.data);
          else reject(new RequestError('connection closed before an answer', 'NETWORK'));
        },
      },
    );
  });
}
