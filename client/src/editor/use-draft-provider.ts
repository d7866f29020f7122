import { useApolloClient } from '@apollo/client/react';
import type { Client } from 'graphql-ws';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { ProviderStatus } from '../collab/draft-provider';
import { closeDraftConnection, takeDraftConnection, type DraftConnection } from './draft-connection';
import type { RequestError } from '../collab/graphql-request';


export interface DraftSyncState {
  synced: boolean;
  /** The draft's text has arrived (over HTTP or by the replay): what is shown is not an empty page. */
  ready: boolean;
  status: ProviderStatus;
  pending: number;
  lastError: RequestError | null;
}

/**
 * A Yjs document bound to the draft for as long as the component shows it. It starts at once,
 * before the page knows whether the person may edit, and sends edits only once `readOnly` is false.
 */
export type { DraftConnection };

export function useDraftProvider(ws: Client, draftId: string, readOnly: boolean): { connection: DraftConnection | null; sync: DraftSyncState } {
  const [connection, setConnection] = useState<DraftConnection | null>(null);
  const [sync, setSync] = useState<DraftSyncState>({ synced: false, ready: false, status: 'connecting', pending: 0, lastError: null });
  const apollo = useApolloClient();
  // A layout effect: the editor is built in the same frame, not one paint later.
  useLayoutEffect(() => {
    const connection = takeDraftConnection(ws, apollo, draftId);
    const { provider } = connection;
    const update = (patch: Partial<DraftSyncState>) => setSync((s) => ({ ...s, ...patch }));
    provider.on('synced', (synced: boolean) => {
      if (synced) performance.mark('draft:synced');
      setSync((s) => ({ ...s, synced, ready: s.ready || synced }));
    });
    provider.on('loaded', () => {
      performance.mark('draft:loaded');
      setSync((s) => ({ ...s, ready: true }));
    });
    provider.on('status', (status: ProviderStatus) => update({ status }));
    provider.on('pending', (pending: number) => update({ pending }));
    provider.on('error', (lastError: RequestError) => update({ lastError }));
    // Whatever the provider reached while being set up (the socket may already be open).
    setSync({ synced: provider.synced, ready: provider.loaded, status: provider.status, pending: provider.pending, lastError: null });
    setConnection(connection);
    // Leaving with edits not yet stored asks first: an edit is only safe once acknowledged.
    const guard = (e: BeforeUnloadEvent) => {
      if (provider.pending > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => {
      window.removeEventListener('beforeunload', guard);
      closeDraftConnection(connection);
      setConnection(null);
    };
    // Read-only until told otherwise; the next effect says.
  }, [ws, apollo, draftId]);
  useEffect(() => {
    connection?.provider.setReadOnly(readOnly);
  }, [connection, readOnly]);
  return { connection, sync };
}
