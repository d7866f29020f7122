import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { SilenceState } from './silence-state';

/** The `slot` of the procedure under way: unique per draft, so that at most one is under way. */
export const ACTIVE_SLOT = 'active';

// A text circulated under the silence procedure. The one under way holds the slot ACTIVE_SLOT;
// its end moves it to a slot of its own (its id), so the unique (draft, slot) index lets the
// insert decide a race between two starts, as for readings.
const silenceProcedureSchema = new Schema(
  {
    draftId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, enum: Object.values(SilenceState), required: true },
    slot: { type: String, required: true },
    until: { type: Date, required: true },
    /** The numbered version frozen when it started: the text everyone is silent on. */
    versionId: { type: Schema.Types.ObjectId, default: null },
    startedById: { type: Schema.Types.ObjectId, required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    /** Who ended it (broke, withdrew); null for adoption at the deadline. */
    endedById: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false },
);
silenceProcedureSchema.index({ draftId: 1, slot: 1 }, { unique: true });
silenceProcedureSchema.index({ draftId: 1, startedAt: -1 });
silenceProcedureSchema.index({ state: 1, until: 1 });

export type SilenceProcedureDoc = InferSchemaType<typeof silenceProcedureSchema> & {
  _id: Types.ObjectId;
};
export const SilenceProcedureModel = model('SilenceProcedure', silenceProcedureSchema);

// How a procedure ended, one per procedure (unique): the insert is the decision. A break, a
// withdrawal and the deadline may be settled at the same moment on several instances; the
// embedded database lets several conditional updates through at once, a unique insert never.
// Whatever follows (the procedure's state, the draft's status, the history, the event) is
// carried out from this record, again after a crash if it was not (`completedAt` null).
const silenceOutcomeSchema = new Schema(
  {
    procedureId: { type: Schema.Types.ObjectId, required: true },
    draftId: { type: Schema.Types.ObjectId, required: true },
    state: {
      type: String,
      enum: [SilenceState.BROKEN, SilenceState.ADOPTED, SilenceState.WITHDRAWN],
      required: true,
    },
    byId: { type: Schema.Types.ObjectId, default: null },
    /** The delegation that broke silence, and its statement (BROKEN). */
    delegationId: { type: Schema.Types.ObjectId, default: null },
    statement: { type: String, default: '' },
    at: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
silenceOutcomeSchema.index({ procedureId: 1 }, { unique: true });
silenceOutcomeSchema.index({ completedAt: 1 });

export type SilenceOutcomeDoc = InferSchemaType<typeof silenceOutcomeSchema> & {
  _id: Types.ObjectId;
};
export const SilenceOutcomeModel = model('SilenceOutcome', silenceOutcomeSchema);

// A delegation's written statement breaking silence, visible to all. One per delegation and
// procedure; the first one ends the silence, later ones (other delegations objecting too before
// the deadline) are recorded beside it.
const silenceBreakSchema = new Schema(
  {
    procedureId: { type: Schema.Types.ObjectId, required: true },
    delegationId: { type: Schema.Types.ObjectId, required: true },
    byId: { type: Schema.Types.ObjectId, required: true },
    statement: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
silenceBreakSchema.index({ procedureId: 1, delegationId: 1 }, { unique: true });

export type SilenceBreakDoc = InferSchemaType<typeof silenceBreakSchema> & {
  _id: Types.ObjectId;
};
export const SilenceBreakModel = model('SilenceBreak', silenceBreakSchema);
