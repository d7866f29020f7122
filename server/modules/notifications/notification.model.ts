import { InferSchemaType, model, Schema, Types } from 'mongoose';
import { localizedTextSchema } from '../shared/localized';
import { NOTIFICATION_KINDS } from './notification-kind';

// One notice to one person. The text is written once, in both languages, when the event happens:
// it says what happened then (a draft's title may change later, the notice stays as sent).
// `key` names the occurrence (e.g. `deadline:<draft>:<date>`): unique per person, so the same
// occurrence seen twice (two instances, a restart, a scheduler run again) notifies once.
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    key: { type: String, required: true },
    text: { type: localizedTextSchema, required: true },
    /** Path in the web client of what it is about. */
    link: { type: String, required: true },
    draftId: { type: Schema.Types.ObjectId, default: null },
    commentId: { type: Schema.Types.ObjectId, default: null },
    read: { type: Boolean, default: false },
    /** Sent in an e-mail digest (or not to be: e-mail off, no SMTP). */
    mailed: { type: Boolean, default: false },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
notificationSchema.index({ userId: 1, key: 1 }, { unique: true });
notificationSchema.index({ userId: 1, createdAt: -1 });
notificationSchema.index({ userId: 1, read: 1 });
notificationSchema.index({ mailed: 1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId };
export const NotificationModel = model('Notification', notificationSchema);

// What a person wants to be told, and how. No record: every kind, e-mail on.
const notificationPreferenceSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    /** Kinds turned off (a list of what is off, so a kind added later is on by default). */
    mutedKinds: { type: [String], enum: NOTIFICATION_KINDS, default: [] },
    email: { type: Boolean, default: true },
  },
  { versionKey: false },
);
notificationPreferenceSchema.index({ userId: 1 }, { unique: true });

export type NotificationPreferenceDoc = InferSchemaType<typeof notificationPreferenceSchema> & {
  _id: Types.ObjectId;
};
export const NotificationPreferenceModel = model(
  'NotificationPreference',
  notificationPreferenceSchema,
);
