import { InferSchemaType, model, Schema } from 'mongoose';

// One decision taken on one thing (a proposal, a bracket): the first insert of its key wins. A
// unique index decides the race, because the embedded FerretDB applies a conditional update as a
// read then a write, so two deciders at once could both see the thing still open.
const decisionClaimSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
decisionClaimSchema.index({ key: 1 }, { unique: true });

export type DecisionClaimDoc = InferSchemaType<typeof decisionClaimSchema>;
export const DecisionClaimModel = model('DecisionClaim', decisionClaimSchema);
