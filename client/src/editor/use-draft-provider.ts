import type { Client } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DraftProvider, type ProviderStatus } from '../collab/draft-provider';
import type { RequestError } from '../collab/graphql-request';

export interface DraftConnection {
  doc: Y.Doc;
  awareness: Awareness;
  provider: DraftProvider;
}

export interface DraftSyncState {
  synced: boolean;
  /** Synced at least once: the text shown is the draft's, not an empty page. */
  ready: boolean;
  status: ProviderStatus;
  pending: number;
  lastError: RequestError | null;
}

/** A Yjs document bound to the draft for as long as the component shows it. */
export function useDraftProvider(ws: Client, draftId: string, readOnly: boolean): { connection: DraftConnection | null; sync: DraftSyncState } {
  const [connection, setConnection] = useState<DraftConnection | null>(null);
  const [sync, setSync] = useState<DraftSyncState>({ synced: false, ready: false, status: 'connecting', pending: 0, lastError: null });
  useEffect(() => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const provider = new DraftProvider({ client: ws, draftId, doc, awareness, readOnly });
    const update = (patch: Partial<DraftSyncState>) => setSync((s) => ({ ...s, ...patch }));
    provider.on('synced', (synced: boolean) => setSync((s) => ({ ...s, synced, ready: s.ready || synced })));
    provider.on('status', (status: ProviderStatus) => update({ status }));
    provider.on('pending', (pending: number) => update({ pending }));
    provider.on('error', (lastError: RequestError) => update({ lastError }));
    // Whatever the provider reached while being set up (the socket may already be open).
    setSync({ synced: provider.synced, ready: provider.synced, status: provider.status, pending: provider.pending, lastError: null });
    setConnection({ doc, awareness, provider });
    // Leaving with edits not yet stored asks first: an edit is only safe once acknowledged.
    const guard = (e: BeforeUnloadEvent) => {
      if (provider.pending > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => {
      window.removeEventListener('beforeunload', guard);
      provider.destroy();
      awareness.destroy();
      doc.destroy();
      setConnection(null);
    };
  }, [ws, draftId, readOnly]);
  return { connection, sync };
}
