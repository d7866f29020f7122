import type { CommentFieldsFragment } from '../gql/graphql';

export interface Thread {
  root: CommentFieldsFragment;
  replies: CommentFieldsFragment[];
}

/** Comments (oldest first) grouped into threads, each a first comment and its replies in order. */
export function toThreads(comments: readonly CommentFieldsFragment[]): Thread[] {
  const threads = new Map<string, Thread>();
  const orphans: CommentFieldsFragment[] = [];
  for (const c of comments) {
    if (c.id === c.threadId) threads.set(c.id, { root: c, replies: [] });
  }
  for (const c of comments) {
    if (c.id === c.threadId) continue;
    const thread = threads.get(c.threadId);
    if (thread) thread.replies.push(c);
    else orphans.push(c);
  }
  // A reply whose first comment is not loaded still shows, as a thread of its own.
  for (const c of orphans) threads.set(c.id, { root: c, replies: [] });
  return [...threads.values()].sort((a, b) => a.root.createdAt.localeCompare(b.root.createdAt));
}

/** Adds or replaces a comment in a list, keeping it oldest first; used for live events. */
export function upsertComment(
  list: readonly CommentFieldsFragment[],
  comment: CommentFieldsFragment,
): CommentFieldsFragment[] {
  const rest = list.filter((c) => c.id !== comment.id);
  return [...rest, comment].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Comments neither resolved nor deleted, as the server counts them. */
export function openCount(comments: readonly CommentFieldsFragment[]): number {
  return comments.filter((c) => !c.resolved && !c.deleted).length;
}
