import { graphql } from '../../gql';

// Read with every status change too: an adopted draft is no longer editable, and only the server says by whom.
export const DraftAbilitiesFields = graphql(`
  fragment DraftAbilitiesFields on Draft {
    can {
      edit
      comment
      manage
      changeStatus
      adopt
      createVersion
      restoreVersion
      decideBrackets
      conductReading
      setParagraphStatus
      startSilence
      breakSilence
      withdrawSilence
    }
  }
`);

// Apart from the page, so that the main bundle can start this query before the page's code arrives.
export const DraftQuery = graphql(`
  query DraftPage($id: ID!, $lang: Language) {
    draft(id: $id) {
      id
      title(lang: $lang)
      status
      statusChangedAt
      deadline
      symbol
      proposeByDefault
      ...DraftAbilitiesFields
      workingGroup {
        id
        number
        title(lang: $lang)
      }
    }
  }
`);
