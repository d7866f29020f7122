import { useApolloClient } from '@apollo/client/react';
import type { Client } from 'graphql-ws';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ProviderStatus } from '../collab/draft-provider';
import type { RequestError } from '../collab/graphql-request';
import { markOnce } from '../ui/mark-once';
import {
  closeDraftConnection,
  type DraftConnection,
  takeDraftConnection,
} from './draft-connection';

export type { DraftConnection };

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
 * `onLocked` is told when the server refuses an edit because the draft has been adopted. An edit
 * refused as locked (adopted draft, agreed paragraph) makes it start again from the server's text.
 */
export function useDraftProvider(
  ws: Client,
  draftId: string,
  readOnly: boolean,
  onLocked?: () => void,
): { connection: DraftConnection | null; sync: DraftSyncState } {
  const [connection, setConnection] = useState<DraftConnection | null>(null);
  const [sync, setSync] = useState<DraftSyncState>({
    synced: false,
    ready: false,
    status: 'connecting',
    pending: 0,
    lastError: null,
  });
  // Bumped to open the draft again from the server's text.
  const [generation, setGeneration] = useState(0);
  // The refusal that made it open again, shown on.
  const carried = useRef<RequestError | null>(null);
  const apollo = useApolloClient();
  // The latest callback, without opening the draft again when it changes.
  const onLockedRef = useRef(onLocked);
  useLayoutEffect(() => {
    onLockedRef.current = onLocked;
  }, [onLocked]);
  // A layout effect: the editor is built in the same frame, not one paint later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` opens the draft again.
  useLayoutEffect(() => {
    const connection = takeDraftConnection(ws, apollo, draftId);
    const { provider } = connection;
    // The provider holds the state; this copies it for React, whatever event changed it.
    const refresh = () =>
      setSync((s) => ({
        ...s,
        synced: provider.synced,
        ready: provider.loaded,
        status: provider.status,
        pending: provider.pending,
      }));
    provider.on('synced', (synced: boolean) => {
      if (synced) markOnce('draft:synced');
      refresh();
    });
    provider.on('loaded', () => {
      markOnce('draft:loaded');
      refresh();
    });
    provider.on('status', refresh);
    provider.on('pending', refresh);
    let locked = false;
    provider.on('error', (lastError: RequestError) => {
      setSync((s) => ({ ...s, lastError }));
      const textLocked = lastError.code === 'DRAFT_LOCKED' || lastError.code === 'UNDER_SILENCE';
      const refused = textLocked || lastError.code === 'PARAGRAPH_LOCKED';
      if (!refused || locked) return;
      // The draft was adopted (or the paragraph agreed) while these edits were on their way: the
      // server refused them for good, but this document still holds them, and later edits would
      // build on text no one else has. Start again from the server's text, dropping what it
      // refused; the refusal stays shown.
      locked = true;
      carried.current = lastError;
      setGeneration((g) => g + 1);
      if (textLocked) onLockedRef.current?.();
    });
    // Whatever the provider reached while being set up (the socket may already be open).
    setSync({
      synced: provider.synced,
      ready: provider.loaded,
      status: provider.status,
      pending: provider.pending,
      lastError: carried.current,
    });
    carried.current = null;
    setConnection(connection);
    // Leaving with edits not yet stored asks first: an edit is only safe once acknowledged.
    const guard = (e: BeforeUnloadEvent) => {
      if (provider.pending > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => {
      window.removeEventListener('beforeunload', guard);
      closeDraftConnection(connection, { keepUnsent: !locked });
      setConnection(null);
    };
  }, [ws, apollo, draftId, generation]);
  // Read-only until the draft's details say otherwise.
  useEffect(() => {
    connection?.provider.setReadOnly(readOnly);
  }, [connection, readOnly]);
  return { connection, sync };
}
