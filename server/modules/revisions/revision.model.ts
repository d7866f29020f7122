import { InferSchemaType, model, Schema, Types } from 'mongoose';

// One person's run of edits on a draft ("automatic history"): it grows with each edit they make
// until they pause for the revision gap (REVISION_GAP_MS) or a numbered version is made. Written
// as the edits are stored (server/collaboration/revisions.ts), never recomputed from the update
// log, which compaction deletes: this is the history once the log is gone.
const draftRevisionSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** The author's delegation when the revision opened: it stays if they later leave it. */
    delegationId: { type: Schema.Types.ObjectId, default: null },
    startedAt: { type: Date, required: true },
    /** When its last edit was stored. */
    endedAt: { type: Date, required: true },
    /** Its last edit plus the gap: an edit by the same person before then extends it. */
    openUntil: { type: Date, required: true },
    /** Closed before the gap ran out, by a numbered version. */
    closed: { type: Boolean, default: false },
    wordsInserted: { type: Number, default: 0 },
    wordsDeleted: { type: Number, default: 0 },
    edits: { type: Number, default: 0 },
    firstSeq: { type: Number, required: true },
    lastSeq: { type: Number, required: true },
  },
  { versionKey: false },
);
// Newest first, with the id to break ties: the order (and the cursor) of `Draft.revisions`.
draftRevisionSchema.index({ draftId: 1, startedAt: -1, _id: -1 });
// The revisions still open of a draft, read when an instance starts recording it.
draftRevisionSchema.index({ draftId: 1, closed: 1, openUntil: 1 });

export type DraftRevisionDoc = InferSchemaType<typeof draftRevisionSchema> & {
  _id: Types.ObjectId;
};
export const DraftRevisionModel = model('DraftRevision', draftRevisionSchema);

/** Open: not closed by a version, and its author's last edit is less than the gap ago. */
export function isOpen(
  r: Pick<DraftRevisionDoc, 'closed' | 'openUntil'>,
  now = new Date(),
): boolean {
  return !r.closed && r.openUntil.getTime() > now.getTime();
}
