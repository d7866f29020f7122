/** The longest comment body, in characters. */
export const MAX_COMMENT_LENGTH = 5000;

/** The passage of a draft a comment is about, as a client locates it. */
export interface CommentAnchorData {
  quote: string;
  start?: string | null;
  end?: string | null;
}

/** A new comment, whoever adds it (the GraphQL input is one such shape). */
export interface NewComment {
  targetId: string;
  body: string;
  parentId?: string | null;
  anchor?: CommentAnchorData | null;
}
