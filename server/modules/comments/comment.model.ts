import { InferSchemaType, model, Schema, Types } from 'mongoose';

export enum CommentTargetType {
  AGENDA_ITEM = 'AGENDA_ITEM',
  DRAFT = 'DRAFT',
  /** A proposal's own thread (containerId: its draft, whose rules apply). */
  PROPOSAL = 'PROPOSAL',
}

const commentSchema = new Schema(
  {
    targetType: { type: String, enum: Object.values(CommentTargetType), required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    /** The meeting of an agenda item, or the draft itself: what policies are checked against. */
    containerId: { type: Schema.Types.ObjectId, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    /** Id of the first comment of the thread (itself for a thread's first comment). */
    threadId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, default: null },
    /** Passage of a draft the comment is about: quoted text, and later Yjs relative positions. */
    anchor: {
      type: new Schema({ quote: String, start: String, end: String }, { _id: false }),
      default: null,
    },
    /**
     * A guest's comment in an open consultation on a frozen version of the draft (targetId: the
     * draft, so the draft page hears it); null for the Committee's own comments.
     */
    consultationId: { type: Schema.Types.ObjectId, default: null },
    /** The numbered paragraph of the consulted version the comment is about; null: the whole text. */
    paragraphNumber: { type: Number, default: null },
    /** Set on a consultation's comments as it closes: their authors may no longer change them. */
    frozen: { type: Boolean, default: false },
    resolved: { type: Boolean, default: false },
    resolvedById: { type: Schema.Types.ObjectId, default: null },
    resolvedAt: { type: Date, default: null },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    deletedById: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
commentSchema.index({ targetId: 1, createdAt: 1 });
commentSchema.index({ threadId: 1, createdAt: 1 });
commentSchema.index({ targetId: 1, resolved: 1 });
commentSchema.index({ consultationId: 1, createdAt: 1 });

export type CommentDoc = InferSchemaType<typeof commentSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const CommentModel = model('Comment', commentSchema);
