import * as Y from 'yjs';
import type { DraftUpdatePayload, LiveDraftUpdate, StoredDraftUpdates } from '../pubsub/topics';
import type { DraftUpdateEvent } from './extension';
import { encodeUpdate } from './update-codec';

export const EMPTY_UPDATE = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));

export function storedEvent(
  draftId: string,
  firstSeq: number,
  seq: number,
  update: string,
  clientId: string | null,
  snapshot: boolean,
): DraftUpdateEvent {
  return { draftId, seq, firstSeq, update, clientId, snapshot, durable: true, synced: false };
}

type StoredEntry = StoredDraftUpdates['entries'][number];

/** Who is subscribing: an editor's connection and the clientId it sends its updates with. */
export interface SubscriberSelf {
  connectionId: string;
  clientId: string;
}

// Event objects that every subscriber receiving the same thing shares, so that one GraphQL
// execution serves them all (see server/http/shared-subscribe.ts).
const liveEvents = new WeakMap<LiveDraftUpdate, DraftUpdateEvent>();
const sharedMarks = new WeakMap<StoredDraftUpdates, Map<string, DraftUpdateEvent>>();

/** Splits a write's entries into runs of consecutive seqs (a run is one event). */
function runs(entries: StoredEntry[]): StoredEntry[][] {
  const out: StoredEntry[][] = [];
  for (const entry of entries) {
    const run = out[out.length - 1];
    if (run && run[run.length - 1].seq + 1 === entry.seq) run.push(entry);
    else out.push([entry]);
  }
  return out;
}

function merged(entries: StoredEntry[]): string {
  if (entries.length === 1) return entries[0].update;
  return encodeUpdate(
    Y.mergeUpdates(entries.map((e) => new Uint8Array(Buffer.from(e.update, 'base64')))),
  );
}

/**
 * What one subscriber of a draft's updates is sent: each live update once, and for each stored
 * write a mark with its seqs, carrying only the updates this subscriber was not sent live (it
 * subscribed after they were accepted, or they came from an instance that sent none live).
 */
export class SubscriberView {
  /** The first ticket sent live to this subscriber, per instance: every later one was sent too. */
  private firstLive = new Map<string, number>();

  constructor(private readonly self: SubscriberSelf | null = null) {}

  events(payload: DraftUpdatePayload): DraftUpdateEvent[] {
    if (payload.kind === 'live') {
      if (!this.firstLive.has(payload.origin)) this.firstLive.set(payload.origin, payload.ticket);
      // Its own update, from this very connection and document: it has it (and counts as sent).
      const own =
        this.self?.clientId === payload.clientId && this.self?.connectionId === payload.sender;
      if (own) return [];
      let event = liveEvents.get(payload);
      if (!event) {
        event = {
          draftId: payload.draftId,
          seq: 0,
          firstSeq: 0,
          update: payload.update,
          clientId: payload.clientId,
          snapshot: false,
          durable: false,
          synced: false,
        };
        liveEvents.set(payload, event);
      }
      return [event];
    }
    return runs(payload.entries).map((run, i) => {
      const missing = run.filter((e) => !this.sentLive(e));
      const clientId = run.every((e) => e.clientId === run[0].clientId) ? run[0].clientId : null;
      const first = run[0].seq;
      const last = run[run.length - 1].seq;
      // Nothing missing, or everything: the same event for every subscriber in that case.
      const shared =
        missing.length === 0 ? `${i}:none` : missing.length === run.length ? `${i}:all` : null;
      if (shared === null)
        return storedEvent(payload.draftId, first, last, merged(missing), clientId, false);
      const marks = sharedMarks.get(payload) ?? new Map<string, DraftUpdateEvent>();
      sharedMarks.set(payload, marks);
      let event = marks.get(shared);
      if (!event) {
        event = storedEvent(
          payload.draftId,
          first,
          last,
          missing.length === 0 ? EMPTY_UPDATE : merged(run),
          clientId,
          false,
        );
        marks.set(shared, event);
      }
      return event;
    });
  }

  private sentLive(entry: StoredEntry): boolean {
    const first = this.firstLive.get(entry.origin);
    return entry.origin !== '' && first !== undefined && entry.ticket >= first;
  }
}
