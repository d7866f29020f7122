import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabSocket } from '../../client/src/collab/collab-socket';
import { DraftProvider } from '../../client/src/collab/draft-provider';
import { CONTENT_FIELD } from '../../server/collaboration/document-state';

export interface Editor {
  doc: Y.Doc;
  provider: DraftProvider;
  awareness: Awareness;
  close(): Promise<void>;
}

/** A real editor in Node: a Yjs document bound to the draft by the provider over a reconnecting socket. */
export function connectEditor(
  url: string,
  token: string,
  draftId: string,
  opts: {
    awareness?: boolean;
    readOnly?: boolean;
    deferStart?: boolean;
    /** The web client's binary socket (the default), or the public GraphQL API. */
    transport?: 'socket' | 'graphql';
  } = {},
): Editor {
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async () => new Promise((r) => setTimeout(r, 100)),
  });
  const socket =
    opts.transport === 'graphql'
      ? null
      : new CollabSocket({
          url: `${url.replace('http', 'ws')}/collab`,
          token: () => token,
          WebSocketImpl: WebSocket,
          retryWaitMs: () => 100,
        });
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new DraftProvider({
    client,
    transport: socket ?? undefined,
    draftId,
    doc,
    awareness: opts.awareness ? awareness : undefined,
    readOnly: opts.readOnly,
    deferStart: opts.deferStart,
  });
  return {
    doc,
    provider,
    awareness,
    async close() {
      provider.destroy();
      socket?.close();
      awareness.destroy();
      // A socket still reconnecting rejects its disposal with the close event; closed is closed.
      await Promise.resolve(client.dispose()).catch(() => undefined);
    },
  };
}

/** The draft's paragraph text that editors type into (the first paragraph of the content). */
export function firstParagraphText(doc: Y.Doc): Y.XmlText | undefined {
  const p = doc.getXmlFragment(CONTENT_FIELD).get(0);
  return p instanceof Y.XmlElement ? (p.get(0) as Y.XmlText | undefined) : undefined;
}

export function addParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
}

/** The Yjs update that appending a paragraph with the text makes, as the editor would send it. */
export function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', capture);
  addParagraph(doc, text);
  doc.off('update', capture);
  return update;
}

/**
 * Types `n` words at the start of the first paragraph, each acknowledged before the next: one log
 * entry per word (typed without waiting, they would go up merged).
 */
export async function typeAcknowledged(editor: Editor, prefix: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    firstParagraphText(editor.doc)!.insert(0, `${prefix}${i} `);
    await editor.provider.whenAcknowledged();
  }
}

export function contentOf(doc: Y.Doc): string {
  return doc.getXmlFragment(CONTENT_FIELD).toString();
}

export { until } from './wait';
