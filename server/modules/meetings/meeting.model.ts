import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { localizedTextSchema } from '../shared/localized';
import { MeetingKind } from './meeting-kind';

const subItemSchema = new Schema({
  order: { type: Number, required: true },
  title: { type: localizedTextSchema, required: true },
  reference: { type: String, default: null },
  /** Drafts this sub-item is about (the August meeting's four sub-items, one draft each). */
  draftIds: { type: [Schema.Types.ObjectId], default: [] },
});

const agendaItemSchema = new Schema({
  order: { type: Number, required: true },
  title: { type: localizedTextSchema, required: true },
  /** Paragraph of the review modalities paper, e.g. "par. 6 c) i-iii)". */
  reference: { type: String, default: null },
  subItems: { type: [subItemSchema], default: [] },
  /** Drafts this item is about, shown on the calendar with their status. */
  draftIds: { type: [Schema.Types.ObjectId], default: [] },
});

// The agenda lives inside its meeting: every agenda change is one atomic single-document write,
// which FerretDB v1 (no multi-document transactions) can guarantee.
const meetingSchema = new Schema(
  {
    date: { type: Date, required: true },
    /** The programme fixes only the month; the day is indicative until the Committee sets it. */
    dateIsIndicative: { type: Boolean, default: false },
    kind: { type: String, enum: Object.values(MeetingKind), required: true },
    title: { type: localizedTextSchema, required: true },
    workingGroupId: { type: Schema.Types.ObjectId, default: null },
    agenda: { type: [agendaItemSchema], default: [] },
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
meetingSchema.index({ date: 1 });
meetingSchema.index({ 'agenda._id': 1 });
meetingSchema.index({ 'agenda.subItems._id': 1 });

export type MeetingDoc = InferSchemaType<typeof meetingSchema> & { _id: Types.ObjectId };
export type AgendaItemDoc = MeetingDoc['agenda'][number];
export type SubItemDoc = AgendaItemDoc['subItems'][number];
export const MeetingModel = model('Meeting', meetingSchema);
