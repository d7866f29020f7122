import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { ReadingOutcome } from './reading-kinds';

// What the room decided on one paragraph during a reading: one document per (reading, paragraph),
// a later outcome for the same paragraph replacing the earlier one. A document of its own, not an
// array in the reading: FerretDB v1 applies a conditional update as a read then a write, so two
// outcomes recorded at once into one array could lose one; two inserts cannot.
const readingOutcomeSchema = new Schema(
  {
    readingId: { type: Schema.Types.ObjectId, required: true },
    draftId: { type: Schema.Types.ObjectId, required: true },
    /** The paragraph's lasting id (`pid`). */
    paragraphId: { type: String, required: true },
    /** Its number when the outcome was recorded (numbers move; ids do not). */
    paragraphNumber: { type: Number, default: null },
    outcome: { type: String, enum: Object.values(ReadingOutcome), required: true },
    at: { type: Date, required: true },
    byId: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
readingOutcomeSchema.index({ readingId: 1, paragraphId: 1 }, { unique: true });
readingOutcomeSchema.index({ readingId: 1, at: 1 });

export type ReadingOutcomeDoc = InferSchemaType<typeof readingOutcomeSchema> & {
  _id: Types.ObjectId;
};
export const ReadingOutcomeModel = model('ReadingOutcome', readingOutcomeSchema);
