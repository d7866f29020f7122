import { graphql } from '../../gql';

// Apart from the page, so that the main bundle can start this query before the page's code arrives.
export const DraftQuery = graphql(`
  query DraftPage($id: ID!, $lang: Language) {
    draft(id: $id) {
      id
      title(lang: $lang)
      status
      statusChangedAt
      deadline
      canEdit
      canComment
      canManage
      workingGroup {
        id
        number
        title(lang: $lang)
      }
    }
  }
`);
