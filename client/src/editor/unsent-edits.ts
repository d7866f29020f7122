import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { DraftProvider } from '../collab/draft-provider';

/**
 * Edits the server has not acknowledged when a draft is closed (the tab closes, the session
 * ends, the connection is down) are kept in this browser, per person and draft, and sent the
 * next time that person opens the draft. Yjs updates apply idempotently, so sending one twice
 * is harmless.
 */
const key = (userId: string, draftId: string) => `committee.unsent.${userId}.${draftId}`;

export function saveUnsent(userId: string, provider: DraftProvider): void {
  const update = provider.unacknowledged();
  try {
    if (update) localStorage.setItem(key(userId, provider.draftId), toBase64(update));
    else localStorage.removeItem(key(userId, provider.draftId));
  } catch {
    // Storage full or disabled: the page still asked before closing with edits pending.
  }
}

/** Drops what was kept for a draft: edits the server refused for good are not sent again. */
export function forgetUnsent(userId: string, draftId: string): void {
  try {
    localStorage.removeItem(key(userId, draftId));
  } catch {
    // Storage disabled: nothing was kept either.
  }
}

/** Puts edits kept from an earlier visit back into the document; the provider sends them. */
export function restoreUnsent(userId: string, draftId: string, doc: Y.Doc): boolean {
  try {
    const saved = localStorage.getItem(key(userId, draftId));
    if (!saved) return false;
    localStorage.removeItem(key(userId, draftId));
    Y.applyUpdate(doc, fromBase64(saved), 'restored');
    return true;
  } catch {
    return false;
  }
}
