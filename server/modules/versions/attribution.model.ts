import { InferSchemaType, model, Schema, Types } from 'mongoose';

// Who a Yjs client of a draft belongs to: every item (character, paragraph) a Yjs document makes
// carries its clientID, so this names the author of each passage, also once compaction has merged
// the log (where the sender of each update was kept) into a snapshot. The first sender wins.
const draftAuthorSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    client: { type: Number, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
draftAuthorSchema.index({ draftId: 1, client: 1 }, { unique: true });

export type DraftAuthorDoc = InferSchemaType<typeof draftAuthorSchema> & { _id: Types.ObjectId };
export const DraftAuthorModel = model('DraftAuthor', draftAuthorSchema);

// Who deleted what: Yjs delete sets name the deleted items, not who deleted them. Each stored
// update's deletions not seen before on this instance are kept here with its sender; when several
// records cover an item (an editor resending what it holds), the earliest seq deleted it.
const deletionRangeSchema = new Schema(
  {
    client: { type: Number, required: true },
    clock: { type: Number, required: true },
    len: { type: Number, required: true },
  },
  { _id: false },
);

const draftDeletionSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    ranges: { type: [deletionRangeSchema], default: [] },
  },
  { versionKey: false },
);
draftDeletionSchema.index({ draftId: 1, seq: 1 });

export type DraftDeletionDoc = InferSchemaType<typeof draftDeletionSchema> & {
  _id: Types.ObjectId;
};
export const DraftDeletionModel = model('DraftDeletion', draftDeletionSchema);
