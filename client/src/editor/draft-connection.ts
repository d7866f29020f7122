import type { Client } from 'graphql-ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DraftProvider } from '../collab/draft-provider';

export interface DraftConnection {
  doc: Y.Doc;
  awareness: Awareness;
  provider: DraftProvider;
}

/** A draft's Yjs document, with its presence, bound to the server; read-only until told otherwise. */
function open(ws: Client, draftId: string): DraftConnection {
  performance.mark('draft:provider');
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new DraftProvider({ client: ws, draftId, doc, awareness, readOnly: true });
  return { doc, awareness, provider };
}

const preloaded = new Map<string, DraftConnection>();

/**
 * Starts loading a draft's text before the editor's code has arrived, when the page opened is a
 * draft: the replay and the editor's code then travel at the same time.
 */
export function preloadDraftConnection(ws: Client, draftId: string): void {
  if (!preloaded.has(draftId)) preloaded.set(draftId, open(ws, draftId));
}

/** The preloaded connection of the draft (once), or a new one. */
export function takeDraftConnection(ws: Client, draftId: string): DraftConnection {
  const ready = preloaded.get(draftId);
  preloaded.delete(draftId);
  if (ready && ready.provider.client === ws) return ready;
  if (ready) closeDraftConnection(ready);
  return open(ws, draftId);
}

export function closeDraftConnection({ provider, awareness, doc }: DraftConnection): void {
  provider.destroy();
  awareness.destroy();
  doc.destroy();
}
