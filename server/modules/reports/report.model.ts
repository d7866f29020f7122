import { InferSchemaType, model, Schema, Types } from 'mongoose';

// One section of a compiled report: which version of which draft its text was taken from, and the
// lasting id (`pid`) of its heading block, which is how the section is found again in the text.
const reportSectionSchema = new Schema({
  sourceDraftId: { type: Schema.Types.ObjectId, required: true },
  versionId: { type: Schema.Types.ObjectId, required: true },
  versionNumber: { type: Number, required: true },
  heading: { type: String, required: true },
  headingId: { type: String, required: true },
  takenAt: { type: Date, required: true },
  takenById: { type: Schema.Types.ObjectId, required: true },
  /**
   * How many times a version was taken in: the n-th take-in claims `report-section:<id>:<n>`
   * (a unique insert), so two at once cannot both replace the section's blocks.
   */
  takeIns: { type: Number, default: 0 },
});

// The lineage of a draft compiled from other drafts' versions (the review report): one per report
// draft, its sections in the order of the text. The text itself is the report draft's own.
const draftReportSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    sections: { type: [reportSectionSchema], default: [] },
    createdById: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true },
);
draftReportSchema.index({ draftId: 1 }, { unique: true });
// Which reports cite a draft: a new version of it is news to them.
draftReportSchema.index({ 'sections.sourceDraftId': 1 });

export type DraftReportDoc = InferSchemaType<typeof draftReportSchema> & { _id: Types.ObjectId };
export type ReportSectionDoc = DraftReportDoc['sections'][number] & { _id: Types.ObjectId };
export const DraftReportModel = model('DraftReport', draftReportSchema);
