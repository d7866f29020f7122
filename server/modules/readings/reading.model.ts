import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { ReadingRound, ReadingState } from './reading-kinds';

/** The `slot` of the reading under way: unique per draft, so that at most one is active. */
export const ACTIVE_SLOT = 'active';

// A Chair's reading of a draft, paragraph by paragraph. The one under way holds the slot
// ACTIVE_SLOT; ending it moves it to a slot of its own (its id), so the unique (draft, slot) index
// lets the insert itself decide a race between two starts.
const draftReadingSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    round: { type: String, enum: Object.values(ReadingRound), required: true },
    state: { type: String, enum: Object.values(ReadingState), required: true },
    slot: { type: String, required: true },
    /** The paragraph under reading (its `pid`); null once the last one has been read. */
    paragraphId: { type: String, default: null },
    /** Its number when the reading moved to it. */
    paragraphNumber: { type: Number, default: null },
    startedById: { type: Schema.Types.ObjectId, required: true },
    startedAt: { type: Date, required: true },
    endedById: { type: Schema.Types.ObjectId, default: null },
    endedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
draftReadingSchema.index({ draftId: 1, slot: 1 }, { unique: true });
draftReadingSchema.index({ draftId: 1, startedAt: -1 });

export type DraftReadingDoc = InferSchemaType<typeof draftReadingSchema> & {
  _id: Types.ObjectId;
};
export const DraftReadingModel = model('DraftReading', draftReadingSchema);
