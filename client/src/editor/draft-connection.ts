import type { ApolloClient } from '@apollo/client';
import type { Client } from 'graphql-ws';
import { fromBase64 } from 'lib0/buffer';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabSocketOf } from '../api/client';
import { session } from '../api/session';
import { DraftProvider } from '../collab/draft-provider';
import { graphql } from '../gql';
import { markOnce } from '../ui/mark-once';
import { forgetUnsent, restoreUnsent, saveUnsent } from './unsent-edits';

export interface DraftConnection {
  doc: Y.Doc;
  awareness: Awareness;
  provider: DraftProvider;
  /** Whose edits these are: unsent ones are kept for that person only. */
  userId: string | null;
  /** Keeps unsent edits when the page goes away without closing the draft. */
  onPageHide: () => void;
}

const DraftStateQuery = graphql(`
  query DraftState($id: ID!) {
    draft(id: $id) {
      id
      seq
      state
    }
  }
`);

/**
 * A draft's Yjs document, with its presence, bound to the server; read-only until told otherwise.
 * Its state comes first over HTTP, which does not wait for the WebSocket's handshake (nor for the
 * page's code to free the main thread to answer it); the subscription then replays what came after.
 */
function open(ws: Client, apollo: ApolloClient, draftId: string): DraftConnection {
  markOnce('draft:provider');
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new DraftProvider({
    client: ws,
    transport: collabSocketOf(ws),
    draftId,
    doc,
    awareness,
    readOnly: true,
    deferStart: true,
  });
  const userId = session.get()?.user.id ?? null;
  const begin = (initial?: { state: Uint8Array; seq: number }) => {
    provider.start(initial);
    // Sent once editing is allowed (held while the provider is read-only).
    if (userId) restoreUnsent(userId, draftId, doc);
  };
  const prefetched = takePrefetch(draftId);
  const state =
    prefetched ??
    apollo
      .query({ query: DraftStateQuery, variables: { id: draftId }, fetchPolicy: 'no-cache' })
      .then(({ data }) => data?.draft);
  state
    .then((draft) => begin(draft ? { state: fromBase64(draft.state), seq: draft.seq } : undefined))
    // Whatever went wrong there, the subscription replays everything.
    .catch(() => begin());
  const onPageHide = () => {
    if (userId) saveUnsent(userId, provider);
  };
  window.addEventListener('pagehide', onPageHide);
  return { doc, awareness, provider, userId, onPageHide };
}

type DraftState = { seq: number; state: string };

declare global {
  interface Window {
    /** Started by a script in the page's HTML, for a draft opened by its address (server/http/web-client.ts). */
    __draftPrefetch?: {
      id: string;
      result: Promise<{ data?: { draft?: DraftState | null } | null }>;
    };
  }
}

/** The draft's state as the page's HTML already asked for it, once. */
function takePrefetch(draftId: string): Promise<DraftState | undefined> | null {
  const prefetch = window.__draftPrefetch;
  if (!prefetch || prefetch.id !== draftId) return null;
  delete window.__draftPrefetch;
  return prefetch.result.then((body) => body.data?.draft ?? undefined);
}

const preloaded = new Map<string, DraftConnection>();

/**
 * Starts loading a draft's text before the editor's code has arrived, when the page opened is a
 * draft: the replay and the editor's code then travel at the same time.
 */
export function preloadDraftConnection(ws: Client, apollo: ApolloClient, draftId: string): void {
  if (!preloaded.has(draftId)) preloaded.set(draftId, open(ws, apollo, draftId));
}

/** The preloaded connection of the draft (once), or a new one. */
export function takeDraftConnection(
  ws: Client,
  apollo: ApolloClient,
  draftId: string,
): DraftConnection {
  const ready = preloaded.get(draftId);
  preloaded.delete(draftId);
  if (ready && ready.provider.client === ws) return ready;
  if (ready) closeDraftConnection(ready);
  return open(ws, apollo, draftId);
}

/** With `keepUnsent: false`, edits not acknowledged are dropped rather than kept for the next visit. */
export function closeDraftConnection(
  { provider, awareness, doc, userId, onPageHide }: DraftConnection,
  { keepUnsent = true } = {},
): void {
  window.removeEventListener('pagehide', onPageHide);
  if (userId) {
    if (keepUnsent) saveUnsent(userId, provider);
    else forgetUnsent(userId, provider.draftId);
  }
  provider.destroy();
  awareness.destroy();
  doc.destroy();
}
