import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import { DraftSnapshotModel } from './snapshot.model';
import { DraftUpdateModel } from './update.model';

/** The Yjs shared type that holds a draft's rich text (the name TipTap's Collaboration uses). */
export const CONTENT_FIELD = 'default';

export interface LoadedState {
  state: Uint8Array;
  seq: number;
}

/** Stored binary as bytes: lean reads give BSON Binary values, documents give Buffers. */
export function bytes(value: Buffer | Uint8Array | { buffer: Uint8Array }): Uint8Array {
  const b = value instanceof Uint8Array ? value : value.buffer;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * Snapshot (if any) followed by the log entries after it, in order, as stored. A compaction may
 * delete entries while this reads, and another instance's insert may become visible late: when
 * the sequence breaks, or when a newer snapshot covers more than was read, it reads again from
 * the last seq it gave (the snapshot then stands in for what was deleted). Readers may therefore
 * see an update twice; applying a Yjs update twice changes nothing.
 */
export async function* readLog(
  draftId: Types.ObjectId,
  afterSeq: number,
): AsyncGenerator<{
  seq: number;
  update: Uint8Array;
  clientId: string | null;
  fromSnapshot: boolean;
}> {
  let last = afterSeq;
  for (let pass = 0; ; pass += 1) {
    const snapshot = await DraftSnapshotModel.findById(draftId).lean();
    if (snapshot && snapshot.seq > last) {
      // The updates it merged are gone from the log: the snapshot stands in for all of them.
      yield {
        seq: snapshot.seq,
        update: bytes(snapshot.state),
        clientId: null,
        fromSnapshot: true,
      };
      last = snapshot.seq;
    }
    let broken = false;
    const cursor = DraftUpdateModel.find(
      { draftId, seq: mongoose.trusted({ $gt: last }) },
      { seq: 1, update: 1, clientId: 1 },
    )
      .sort({ seq: 1 })
      .lean()
      // Each batch becomes objects in one go on the event loop: 500 entries held it ~20 ms, during
      // which no edit was relayed; 100 keep that under a few.
      .cursor({ batchSize: 100 });
    for await (const entry of cursor) {
      if (entry.seq !== last + 1 && pass < MAX_PASSES) {
        broken = true;
        break;
      }
      yield {
        seq: entry.seq,
        update: bytes(entry.update),
        clientId: entry.clientId ?? null,
        fromSnapshot: false,
      };
      last = entry.seq;
    }
    if (!broken) {
      const now = await DraftSnapshotModel.findById(draftId, { seq: 1 }).lean();
      if (!now || now.seq <= last || pass >= MAX_PASSES) return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Re-reads allowed for one replay before it goes on past a hole (which a stored log never has). */
const MAX_PASSES = 5;

/** The whole document as one update, merged from snapshot and log (without editing any of them). */
export async function loadState(draftId: Types.ObjectId): Promise<LoadedState> {
  const updates: Uint8Array[] = [];
  let seq = 0;
  for await (const entry of readLog(draftId, 0)) {
    updates.push(entry.update);
    seq = entry.seq;
  }
  return {
    state: updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(updates),
    seq,
  };
}

export function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlHook) return '';
  const children = node.toArray();
  const blocks = children.some((c) => c instanceof Y.XmlElement);
  return children.map((c) => textOf(c)).join(blocks ? '\n' : '');
}

/** Plain text of the draft: each block (paragraph, heading, list item) on its own line. */
export function plainText(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = textOf(doc.getXmlFragment(CONTENT_FIELD));
  doc.destroy();
  return text;
}

/**
 * Stored updates of a draft after `afterSeq` not sent by `exceptUserId`, as far as the log still
 * holds them: `complete` is false when a compaction has merged some of them into the snapshot
 * (whose updates no longer say who sent them), and `count` then covers only those after it.
 */
export async function countUpdatesAfter(
  draftId: Types.ObjectId,
  afterSeq: number,
  exceptUserId: Types.ObjectId,
): Promise<{ count: number; complete: boolean }> {
  const snapshot = await DraftSnapshotModel.findById(draftId, { seq: 1 }).lean();
  const from = Math.max(afterSeq, snapshot?.seq ?? 0);
  const count = await DraftUpdateModel.countDocuments({
    draftId,
    seq: mongoose.trusted({ $gt: from }),
    // Housekeeping (no author) is nobody's change.
    userId: mongoose.trusted({ $nin: [exceptUserId, null] }),
  });
  return { count, complete: from === afterSeq };
}
