import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CollabSocket } from '../../client/src/collab/collab-socket';
import { DraftProvider } from '../../client/src/collab/draft-provider';

/** How an editor reaches one of the servers under test; plain data, so it crosses to worker threads. */
export type TargetSpec =
  | { kind: 'ours'; url: string; token: string; draftId: string }
  | { kind: 'hocuspocus'; port: number; document?: string }
  | { kind: 'relay'; port: number };

export interface BenchEditor {
  doc: Y.Doc;
  ready: Promise<void>;
  retries(): Record<string, number>;
  close(): void;
}

/** One editor with the provider each system comes with: ours, Hocuspocus's, or raw updates over a socket. */
export function createEditor(spec: TargetSpec): BenchEditor {
  const doc = new Y.Doc();
  if (spec.kind === 'ours') {
    const client = createClient({
      url: `${spec.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${spec.token}` },
    });
    // The web client's transport: the binary socket for updates (graphql-ws stays for presence).
    const socket = new CollabSocket({
      url: `${spec.url.replace('http', 'ws')}/collab`,
      token: () => spec.token,
      WebSocketImpl: WebSocket,
    });
    const provider = new DraftProvider({ client, transport: socket, draftId: spec.draftId, doc });
    return {
      doc,
      ready: provider.whenSynced(),
      retries: () => provider.retries,
      close: () => {
        provider.destroy();
        socket.close();
        void client.dispose();
      },
    };
  }
  if (spec.kind === 'hocuspocus') {
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${spec.port}`,
      WebSocketPolyfill: WebSocket,
    } as ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]);
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: spec.document ?? 'bench',
      document: doc,
      awareness: null,
    });
    provider.attach();
    return {
      doc,
      ready: new Promise<void>((resolve) => provider.on('synced', () => resolve())),
      retries: () => ({}),
      close: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
  }
  const socket = new WebSocket(`ws://127.0.0.1:${spec.port}`);
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer) => Y.applyUpdate(doc, new Uint8Array(data), 'remote'));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote' && socket.readyState === WebSocket.OPEN) socket.send(update);
  });
  return {
    doc,
    ready: new Promise<void>((resolve) => socket.once('open', () => resolve())),
    retries: () => ({}),
    close: () => socket.close(),
  };
}
