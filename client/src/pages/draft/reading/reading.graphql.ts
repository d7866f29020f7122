import { graphql } from '../../../gql';

export const ReadingFields = graphql(`
  fragment ReadingFields on Reading {
    id
    round
    state
    paragraphId
    paragraphNumber
    startedAt
    startedBy {
      id
      name
    }
    outcomes {
      paragraphId
      paragraphNumber
      outcome
      at
      by {
        id
        name
      }
    }
  }
`);

export const DraftReadingQuery = graphql(`
  query DraftReading($id: ID!) {
    draft(id: $id) {
      id
      reading {
        ...ReadingFields
      }
    }
  }
`);

export const ReadingChanged = graphql(`
  subscription ReadingChanged($draftId: ID!) {
    readingChanged(draftId: $draftId) {
      ...ReadingFields
    }
  }
`);

export const StartReading = graphql(`
  mutation StartReading($draftId: ID!, $round: ReadingRound!) {
    startReading(draftId: $draftId, round: $round) {
      ...ReadingFields
    }
  }
`);

export const MoveReading = graphql(`
  mutation MoveReading($draftId: ID!, $paragraphId: ID!) {
    moveReading(draftId: $draftId, paragraphId: $paragraphId) {
      ...ReadingFields
    }
  }
`);

export const RecordReadingOutcome = graphql(`
  mutation RecordReadingOutcome($draftId: ID!, $paragraphId: ID!, $outcome: ReadingOutcome!) {
    recordReadingOutcome(draftId: $draftId, paragraphId: $paragraphId, outcome: $outcome) {
      ...ReadingFields
    }
  }
`);

export const EndReading = graphql(`
  mutation EndReading($draftId: ID!) {
    endReading(draftId: $draftId) {
      ...ReadingFields
    }
  }
`);
