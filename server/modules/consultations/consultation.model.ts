import { InferSchemaType, model, Schema, Types } from 'mongoose';

/** The `slot` of an open consultation: unique per draft and version, so at most one is open. */
export const OPEN_SLOT = 'open';

// An open consultation of Member States on one frozen version of a draft. The open one holds the
// slot OPEN_SLOT; closing moves it to a slot of its own (its id), so the unique (draft, version,
// slot) index lets the insert decide between two openings at once, on any instance (the embedded
// database lets several conditional updates through, a unique insert never).
const consultationSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    versionId: { type: Schema.Types.ObjectId, required: true },
    versionNumber: { type: Number, required: true },
    slot: { type: String, required: true },
    openedById: { type: Schema.Types.ObjectId, required: true },
    openedAt: { type: Date, required: true },
    /** When it closes by itself; null: open until the Secretariat closes it. */
    closesAt: { type: Date, default: null },
    /** Set when closed by hand, or when its closing date passed and it was settled. */
    closedAt: { type: Date, default: null },
    /** Who closed it; null when its closing date did. */
    closedById: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false },
);
consultationSchema.index({ draftId: 1, versionNumber: 1, slot: 1 }, { unique: true });
consultationSchema.index({ slot: 1, openedAt: -1 });
consultationSchema.index({ draftId: 1, openedAt: -1 });

export type ConsultationDoc = InferSchemaType<typeof consultationSchema> & { _id: Types.ObjectId };
export const ConsultationModel = model('Consultation', consultationSchema);
