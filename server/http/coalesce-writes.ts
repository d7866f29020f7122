import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Frames sent to one WebSocket within one turn of the event loop go out in one write: a
 * mutation's `next` and `complete`, or several drafts' updates for the same person, cost one
 * system call instead of one each. ws corks its socket around each frame; corking is counted, so
 * an outer cork holds them all until it is released after this turn's callbacks have run.
 */
export function coalesceWrites(socket: WebSocket): void {
  // ws keeps the TCP socket in a field it has had since its first versions; without it, frames
  // simply go out one by one as before.
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (!raw || typeof raw.cork !== 'function') return;
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  let corked = false;
  const release = () => {
    corked = false;
    raw.uncork();
  };
  socket.send = ((...args: unknown[]) => {
    if (!corked && !raw.destroyed) {
      corked = true;
      raw.cork();
      setImmediate(release);
    }
    send(...args);
  }) as WebSocket['send'];
}
