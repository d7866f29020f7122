import { InferSchemaType, model, Schema } from 'mongoose';

// How far in a draft's update log each history recorder (attribution.ts, revisions.ts) has
// written its records; its _id is the draft's id. A small document of its own rather than a field
// of the records: a batch writes many records of several kinds (authors, deletions, revisions
// inserted and grown) across drafts, none of which is written for every edit (an edit that changes
// no word makes no revision write), so no record could say "everything up to seq N is in". It is
// written in the same lane run as the batch's records, right after them ($max, so it never goes
// back): a kill between the two leaves it behind, and the batch is read again from the log, where
// each recorder skips what it finds already recorded (see their catch-up).
const draftHistoryProgressSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    attributionSeq: { type: Number, default: 0 },
    revisionSeq: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export type DraftHistoryProgressDoc = InferSchemaType<typeof draftHistoryProgressSchema>;
export const DraftHistoryProgressModel = model('DraftHistoryProgress', draftHistoryProgressSchema);
