import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../core/errors';
import { httpStatus } from '../core/http-status';

/**
 * An operation that failed only because the database did not answer is answered with HTTP 503,
 * whether it failed reading the session or in its resolver (the session may come from the cache):
 * clients and proxies then know to try again, as the code says.
 */
export const unavailableStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        if (!errors?.length || (data && Object.values(data).some((v) => v !== null))) return;
        if (errors.every((e) => e.extensions?.code === ErrorCode.DatabaseUnavailable))
          response.http.status = httpStatus(ErrorCode.DatabaseUnavailable);
      },
    };
  },
};
