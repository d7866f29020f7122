import { graphql } from '../gql';

export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    targetId
    threadId
    parentId
    body
    deleted
    resolved
    createdAt
    author {
      id
      name
      delegation {
        id
        code
        # Both, without a $lang variable in every comment operation: the view picks one and
        # recognises either inside a person's name.
        nameEn: name(lang: EN)
        nameFr: name(lang: FR)
      }
    }
    anchor {
      quote
      start
      end
    }
    # A Member State's comment in an open consultation on one of the draft's versions.
    consultation {
      id
      versionNumber
    }
    consultationParagraph
    can {
      edit
      delete
      resolve
    }
  }
`);

export const CommentsQuery = graphql(`
  query Comments($targetId: ID!) {
    comments(targetId: $targetId) {
      ...CommentFields
    }
  }
`);

export const CommentAddedSubscription = graphql(`
  subscription CommentAdded($targetId: ID!) {
    commentAdded(targetId: $targetId) {
      ...CommentFields
    }
  }
`);

export const CommentChangedSubscription = graphql(`
  subscription CommentChanged($targetId: ID!) {
    commentChanged(targetId: $targetId) {
      ...CommentFields
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
`);

export const ResolveCommentMutation = graphql(`
  mutation ResolveComment($id: ID!, $resolved: Boolean!) {
    resolveComment(id: $id, resolved: $resolved) {
      ...CommentFields
    }
  }
`);

export const EditCommentMutation = graphql(`
  mutation EditComment($id: ID!, $body: String!) {
    editComment(id: $id, body: $body) {
      ...CommentFields
    }
  }
`);

export const DeleteCommentMutation = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id) {
      ...CommentFields
    }
  }
`);
