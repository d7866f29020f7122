import type { CommentDoc } from './comment.model';

export type CommentRoot = ReturnType<typeof presentComment>;

/** The one place a stored comment takes its public shape (ids as strings, tombstones). */
export function presentComment(c: CommentDoc) {
  return {
    ...c,
    id: c._id.toHexString(),
    targetId: c.targetId.toHexString(),
    parentId: c.parentId ? c.parentId.toHexString() : null,
    threadId: c.threadId.toHexString(),
    anchor: c.anchor
      ? { quote: c.anchor.quote ?? '', start: c.anchor.start ?? null, end: c.anchor.end ?? null }
      : null,
    deleted: c.deletedAt !== null && c.deletedAt !== undefined,
  };
}
