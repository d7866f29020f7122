import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { currentRequest, RequestContext } from '../core/request-context';
import { runMessagesInContext } from './socket-context';

describe('a WebSocket message is handled in a request context', () => {
  it('of its own: the connection’s id with the message’s number, and the client’s address', async () => {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    const seen: (RequestContext | undefined)[] = [];
    wss.on('connection', (socket, req) => {
      runMessagesInContext(socket, req);
      // Registered after the wrapping, as graphql-ws and the collab socket do: still inside.
      socket.on('message', async () => {
        await Promise.resolve();
        seen.push(currentRequest());
        if (seen.length === 2) socket.close();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const client = new WebSocket(`ws://127.0.0.1:${port}`, {
      headers: { 'x-request-id': 'socket-request-0001' },
    });
    await new Promise((r) => client.once('open', r));
    client.send('one');
    client.send('two');
    await new Promise((r) => client.once('close', r));
    wss.close();
    server.close();
    expect(seen).toEqual([
      { requestId: 'socket-request-0001.1', ip: '127.0.0.1' },
      { requestId: 'socket-request-0001.2', ip: '127.0.0.1' },
    ]);
  });
});
