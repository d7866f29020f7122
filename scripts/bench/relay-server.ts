import { WebSocket, WebSocketServer } from 'ws';

/** The floor: a bare WebSocket relay that forwards each message to every other socket, storing nothing. */
const wss = new WebSocketServer({ port: Number(process.env.PORT), host: '127.0.0.1' });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => {
    for (const peer of wss.clients)
      if (peer !== socket && peer.readyState === WebSocket.OPEN)
        peer.send(data, { binary: isBinary });
  });
});
wss.on('listening', () => process.stdout.write('listening\n'));
