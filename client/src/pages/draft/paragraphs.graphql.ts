import { graphql } from '../../gql';

export const DraftParagraphsQuery = graphql(`
  query DraftParagraphs($id: ID!) {
    draft(id: $id) {
      id
      paragraphs {
        id
        number
        kind
        text
        status
        confirmBy
        overdue
        openBrackets
      }
    }
  }
`);

export const SetParagraphStatusMutation = graphql(`
  mutation SetParagraphStatus(
    $draftId: ID!
    $paragraphId: ID!
    $status: ParagraphStatus!
    $confirmBy: DateTimeISO
  ) {
    setParagraphStatus(
      draftId: $draftId
      paragraphId: $paragraphId
      status: $status
      confirmBy: $confirmBy
    ) {
      id
      status
      confirmBy
      overdue
    }
  }
`);

export const ParagraphsChangedSubscription = graphql(`
  subscription ParagraphsChanged($draftId: ID!) {
    paragraphsChanged(draftId: $draftId) {
      draftId
      paragraphId
      status
    }
  }
`);
