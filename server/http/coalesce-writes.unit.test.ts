import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { coalesceWrites } from './coalesce-writes';

interface WriteMethods {
  _writev(chunks: unknown[], cb: (err?: Error | null) => void): void;
  _write(...args: unknown[]): void;
}

describe('frames sent to a WebSocket in one turn of the event loop', () => {
  it('go out in one write of the TCP socket, in order, and later ones in a write of their own', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    const writes: number[] = [];
    wss.on('connection', (socket) => {
      coalesceWrites(socket);
      // The stream methods Node calls for one write of several chunks, or of one.
      const raw = (socket as unknown as { _socket: WriteMethods })._socket;
      const writev = raw._writev.bind(raw);
      const write = raw._write.bind(raw);
      raw._writev = (chunks, cb) => {
        writes.push(chunks.length);
        writev(chunks, cb);
      };
      raw._write = (...a) => {
        writes.push(1);
        write(...a);
      };
      for (const n of [1, 2, 3]) socket.send(`frame ${n}`);
      setTimeout(() => socket.send('frame 4'), 20);
    });
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const received: string[] = [];
    await new Promise<void>((resolve) =>
      client.on('message', (data) => {
        received.push(data.toString());
        if (received.length === 4) resolve();
      }),
    );
    client.close();
    wss.close();
    expect(received).toEqual(['frame 1', 'frame 2', 'frame 3', 'frame 4']);
    // Three frames (a header and a payload each) in one write, then the fourth alone.
    expect(writes).toEqual([6, 2]);
  });
});
