import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { readBlocks } from '../core/document-blocks';
import { paragraphLocked } from '../core/errors';
import { logger } from '../logger';
import { draftPolicy } from '../modules/drafts/draft.policy';
import { findDraft } from '../modules/drafts/draft.service';
import { lockedParagraphIds } from '../modules/paragraphs/paragraph.service';
import { locks as statusLocks } from '../modules/paragraphs/paragraph-status';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';
import { type LoadedState, loadState } from './document-state';
import type { CollaborationExtension, IncomingUpdate } from './extension';
import { pidOf, UNRESOLVED, UpdateTouch } from './paragraph-touch';
import { decodedUpdate } from './update-codec';

interface DraftLocks {
  /** Who may edit agreed paragraphs is decided per group (coordinator), or by role; read once
   * something is locked (null until then). */
  workingGroupId: Types.ObjectId | null;
  locked: Set<string>;
  readAt: number;
}

export interface ParagraphStatusNews {
  draftId: string;
  paragraphId: string;
  status: string;
}

/** How long a draft's lock list is trusted without news (bounds a lost pub/sub message). */
const LOCKS_RECHECK_MS = 10_000;
/** Refused clients remembered per draft. */
const MAX_REFUSED_CLIENTS = 1000;

/**
 * The lock of agreed paragraphs at the server: refuses (PARAGRAPH_LOCKED, before anything is
 * stored or relayed) an update that changes a paragraph agreed or agreed ad referendum, unless its
 * sender may set paragraph status. The server never edits updates; to see where one lands it
 * keeps, only for drafts that have locked paragraphs, the draft's document in memory (loaded from
 * the stored state, then every accepted update applied in accept order) and maps each struct and
 * deleted range of the update to the top-level block it lies in (paragraph-touch.ts).
 *
 * Must be the last extension with a `beforeStore` hook: what passes it is applied to its document
 * as accepted, and a refusal by a later hook would leave it there.
 *
 * The lock list is kept per draft in memory, read once when the draft is first edited here and
 * kept current by the status events (on every instance through pub/sub, and at once on the
 * instance that set the status).
 */
export class ParagraphLocks implements CollaborationExtension {
  readonly name = 'paragraphLocks';
  private locks = new Map<string, DraftLocks>();
  private reading = new Map<string, Promise<DraftLocks>>();
  /** News that came while a read was in flight: the read may predate it, so it is read again. */
  private stale = new Set<string>();
  private docs = new Map<string, Promise<Y.Doc>>();
  /**
   * Per draft, the Yjs clients an update was refused from, with the reason. A client's later
   * updates continue its clock past the refused structs, so Yjs could never integrate them (they
   * would wait for the refused ones forever): they are refused too, for the same reason.
   */
  private refused = new Map<string, Map<number, string>>();
  /** Per draft, the check under way (checks of one draft run one after the other). */
  private chains = new Map<string, Promise<void>>();
  private readonly stopWatch: () => void;
  /** Time spent checking updates against locks, for the figures in ARCHITECTURE.md. */
  private checked = { updates: 0, ms: 0 };

  constructor(
    pubSub: AppPubSub,
    private readonly load: (draftId: Types.ObjectId) => Promise<LoadedState> = loadState,
  ) {
    this.stopWatch = pubSub.listen(Topic.ParagraphsChanged, ALL, (news) =>
      this.statusChanged(news),
    );
  }

  beforeStore(incoming: IncomingUpdate): void | Promise<void> {
    const key = incoming.draftId.toHexString();
    const known = this.locks.get(key);
    // Drafts without agreed paragraphs (most, most of the time) cost a map lookup.
    if (known && Date.now() - known.readAt < LOCKS_RECHECK_MS && known.locked.size === 0) return;
    // One at a time per draft, in arrival order: an update may build on the one before it, which
    // must be in the document (checked and applied) when it is checked.
    const run = (this.chains.get(key) ?? Promise.resolve()).then(() => this.check(key, incoming));
    const settled = run.catch(() => undefined);
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return run;
  }

  private async check(key: string, { user, draftId, update }: IncomingUpdate): Promise<void> {
    const locks = await this.locksOf(key, draftId);
    if (locks.locked.size === 0) {
      this.docs.delete(key);
      return;
    }
    let doc = await this.docOf(key, draftId);
    // Locks appeared (through news) after a read that found none: the group is read now.
    locks.workingGroupId ??= (await findDraft(draftId)).workingGroupId;
    if (!draftPolicy.editAgreedParagraph(user, { workingGroupId: locks.workingGroupId })) {
      const earlier = this.refusedBefore(key, doc, update);
      if (earlier) throw paragraphLocked(earlier);
      const started = performance.now();
      let touched = new UpdateTouch(doc, update).blocks();
      if (touched === UNRESOLVED) {
        // It builds on structs this document lacks: another instance's edits, or ones stored
        // since it was loaded. Read the log once more; if they are still nowhere, the update may
        // land anywhere once they arrive (Yjs keeps it pending), an agreed paragraph included, so
        // it is refused rather than let through unchecked.
        doc = await this.reread(draftId, doc);
        touched = new UpdateTouch(doc, update).blocks();
      }
      this.checked.updates += 1;
      this.checked.ms += performance.now() - started;
      if (touched === UNRESOLVED)
        throw paragraphLocked(
          'Paragraphs of this draft are agreed, and this edit builds on text the server does not have, so it cannot tell whether it changes one. Reload the draft and try again.',
        );
      for (const block of touched) {
        const pid = pidOf(block);
        if (pid && locks.locked.has(pid)) {
          const message = lockedMessage(doc, block);
          this.remember(key, update, message);
          throw paragraphLocked(message);
        }
      }
    }
    Y.applyUpdate(doc, update);
  }

  /** A status was set (here, or on another instance through pub/sub). */
  statusChanged({ draftId, paragraphId, status }: ParagraphStatusNews): void {
    if (this.reading.has(draftId)) this.stale.add(draftId);
    const known = this.locks.get(draftId);
    if (!known) return;
    if (statusLocks(status)) known.locked.add(paragraphId);
    else known.locked.delete(paragraphId);
    if (known.locked.size === 0) this.docs.delete(draftId);
  }

  onUnload(draftId: string): void {
    this.locks.delete(draftId);
    this.docs.delete(draftId);
    this.refused.delete(draftId);
  }

  stats(): Record<string, number> {
    return { drafts: this.locks.size, docs: this.docs.size, refused: this.refused.size };
  }

  /** Updates inspected so far and the time spent mapping them to paragraphs (for operators). */
  cost(): { updates: number; micros: number } {
    return { updates: this.checked.updates, micros: Math.round(this.checked.ms * 1000) };
  }

  onDestroy(): void {
    this.stopWatch();
    for (const doc of this.docs.values()) void doc.then((d) => d.destroy()).catch(() => undefined);
    this.docs.clear();
  }

  private remember(key: string, update: Uint8Array, message: string): void {
    let clients = this.refused.get(key);
    if (!clients) {
      clients = new Map();
      this.refused.set(key, clients);
    }
    for (const s of decodedUpdate(update).structs) {
      clients.set(s.id.client, message);
      // A bound: editors start again under a new client after a refusal.
      if (clients.size > MAX_REFUSED_CLIENTS) clients.delete(clients.keys().next().value as number);
    }
  }

  /** Why an earlier update of a client this one continues was refused, if one was. */
  private refusedBefore(key: string, doc: Y.Doc, update: Uint8Array): string | null {
    const clients = this.refused.get(key);
    if (!clients) return null;
    for (const s of decodedUpdate(update).structs) {
      const message = clients.get(s.id.client);
      if (message && s.id.clock > Y.getState(doc.store, s.id.client)) return message;
    }
    return null;
  }

  private locksOf(key: string, draftId: Types.ObjectId): DraftLocks | Promise<DraftLocks> {
    const known = this.locks.get(key);
    if (known && Date.now() - known.readAt < LOCKS_RECHECK_MS) return known;
    let reading = this.reading.get(key);
    if (!reading) {
      const read = async (): Promise<DraftLocks> => {
        for (;;) {
          this.stale.delete(key);
          const ids = await lockedParagraphIds(draftId);
          // The group only matters once something is locked: most drafts cost one small query.
          const workingGroupId = ids.length > 0 ? (await findDraft(draftId)).workingGroupId : null;
          if (this.stale.has(key)) continue;
          const locks = { workingGroupId, locked: new Set(ids), readAt: Date.now() };
          this.locks.set(key, locks);
          return locks;
        }
      };
      reading = read().finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private docOf(key: string, draftId: Types.ObjectId): Promise<Y.Doc> {
    let doc = this.docs.get(key);
    if (!doc) {
      doc = this.load(draftId).then(({ state }) => {
        const d = new Y.Doc();
        Y.applyUpdate(d, state);
        return d;
      });
      doc.catch((err: Error) => {
        logger.warn({ err, draftId: key }, 'paragraph lock could not load the draft');
        if (this.docs.get(key) === doc) this.docs.delete(key);
      });
      this.docs.set(key, doc);
    }
    return doc;
  }

  /** Merges the stored state into the kept document (which also holds accepted, unstored updates). */
  private async reread(draftId: Types.ObjectId, doc: Y.Doc): Promise<Y.Doc> {
    const { state } = await this.load(draftId);
    Y.applyUpdate(doc, state);
    return doc;
  }
}

function lockedMessage(doc: Y.Doc, block: Y.Item): string {
  const number = readBlocks(doc).find((b) => b.element._item === block)?.number;
  const which = number ? `Paragraph ${number}` : 'This paragraph';
  return `${which} has been agreed: it can no longer be edited. The coordinator, the Chair or the Secretariat may reopen it.`;
}
