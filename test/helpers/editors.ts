import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
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
  opts: { awareness?: boolean; readOnly?: boolean; deferStart?: boolean } = {},
): Editor {
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async () => new Promise((r) => setTimeout(r, 100)),
  });
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new DraftProvider({
    client,
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

export function contentOf(doc: Y.Doc): string {
  return doc.getXmlFragment(CONTENT_FIELD).toString();
}

export { until } from './wait';
