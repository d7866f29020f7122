import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { markName } from '../core/document-blocks';
import { markNotYours } from '../core/errors';
import type { CollaborationExtension, IncomingUpdate } from './extension';
import { decodedUpdate } from './update-codec';

/** Marks that speak for someone: a proposal (suggest-changes) and a bracket. */
export const AUTHORED_MARKS = new Set(['insertion', 'deletion', 'modification', 'bracket']);

/** The id of the authored mark an update's formatting item sets, or null when it sets none. */
function authoredMarkId(struct: unknown): string | null {
  if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) return null;
  const { key, value } = struct.content;
  if (value === null || typeof value !== 'object') return null;
  if (!AUTHORED_MARKS.has(markName(key))) return null;
  const id = (value as { id?: unknown }).id;
  // A mark without a string id cannot be traced to anyone: it is someone else's by default.
  return typeof id === 'string' ? id : '';
}

/** Every authored mark id an update sets. */
export function authoredMarkIds(update: Uint8Array): string[] {
  const ids: string[] = [];
  for (const struct of decodedUpdate(update).structs) {
    const id = authoredMarkId(struct);
    if (id !== null) ids.push(id);
  }
  return ids;
}

/**
 * Proposals and brackets are named after who made them ("France proposes…"), and the name is read
 * from the document: each such mark's id begins with its author's user id (`<userId>:<random>`).
 * This check makes that trustworthy: an update that sets one in another person's name is refused
 * (MARK_NOT_YOURS) and changes nothing. An id the draft already holds is let through: the editor
 * writes a paragraph's marks again when someone edits inside it (y-prosemirror re-applies them
 * when their attributes are not the same object), and that extends nobody's proposal.
 */
export class MarkAuthorship implements CollaborationExtension {
  readonly name = 'markAuthorship';
  /** Authored mark ids in the edits accepted here, per loaded draft (not stored yet, some). */
  private seen = new Map<string, Set<string>>();
  /** Those of each draft's stored state, read the first time a foreign id needs them. */
  private stored = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly loadState: (draftId: Types.ObjectId) => Promise<{ state: Uint8Array }>,
  ) {}

  async beforeStore({ user, draftId, update }: IncomingUpdate): Promise<void> {
    const ids = authoredMarkIds(update);
    if (ids.length === 0) return;
    const own = `${user.id}:`;
    const key = draftId.toHexString();
    const foreign = ids.filter((id) => !id.startsWith(own) || id.length <= own.length);
    const unknown = (stored: Set<string>) =>
      foreign.some((id) => !stored.has(id) && !this.seen.get(key)?.has(id));
    if (unknown(new Set())) {
      // Another instance may have stored it since this one read the state: read it once more.
      if (
        unknown(await this.storedIds(key, draftId)) &&
        unknown(await this.storedIds(key, draftId, true))
      )
        throw markNotYours();
    }
    let seen = this.seen.get(key);
    if (!seen) {
      seen = new Set();
      this.seen.set(key, seen);
    }
    for (const id of ids) seen.add(id);
  }

  onUnload(draftId: string): void {
    this.seen.delete(draftId);
    this.stored.delete(draftId);
  }

  stats(): Record<string, number> {
    return { markDrafts: this.seen.size };
  }

  private storedIds(key: string, draftId: Types.ObjectId, again = false): Promise<Set<string>> {
    let ids = again ? undefined : this.stored.get(key);
    if (!ids) {
      ids = this.loadState(draftId).then(({ state }) => new Set(authoredMarkIds(state)));
      // A failed read is tried again by the next edit that needs it.
      ids.catch(() => this.stored.delete(key));
      this.stored.set(key, ids);
    }
    return ids;
  }
}
