import { Writable } from 'node:stream';
import pino from 'pino';
import { inRequest } from './core/request-context';
import { requestFields } from './logger';

describe('log lines of a request', () => {
  it('carry its id, also after an await and in nested work; none outside a request', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    // The same options as the server's logger, writing where the test reads.
    const log = pino({ base: undefined, mixin: requestFields }, sink);
    log.info('outside');
    await inRequest({ requestId: 'req-0001-abcd', ip: '127.0.0.1' }, async () => {
      log.info('first');
      await new Promise((r) => setTimeout(r, 1));
      log.child({ module: 'x' }).warn('after an await, from a child logger');
    });
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['outside', undefined],
      ['first', 'req-0001-abcd'],
      ['after an await, from a child logger', 'req-0001-abcd'],
    ]);
  });
});
