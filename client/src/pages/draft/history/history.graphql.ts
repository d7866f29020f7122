import { graphql } from '../../../gql';

export const DraftVersionFields = graphql(`
  fragment DraftVersionFields on DraftVersion {
    id
    number
    name
    label(lang: $lang)
    createdAt
    createdBy {
      id
      name
    }
  }
`);

export const DraftVersionsQuery = graphql(`
  query DraftVersions($id: ID!, $lang: Language) {
    draft(id: $id) {
      id
      versions {
        ...DraftVersionFields
      }
    }
  }
`);

export const CreateVersion = graphql(`
  mutation CreateDraftVersion($draftId: ID!, $label: String, $lang: Language) {
    createDraftVersion(draftId: $draftId, label: $label) {
      ...DraftVersionFields
    }
  }
`);

export const RestoreVersion = graphql(`
  mutation RestoreDraftVersion($versionId: ID!) {
    restoreDraftVersion(versionId: $versionId) {
      id
    }
  }
`);

export const CompareQuery = graphql(`
  query CompareDraft($draftId: ID!, $from: ID, $to: ID) {
    compareDraft(draftId: $draftId, from: $from, to: $to) {
      changes {
        kind
        text
        paragraph
        authors {
          id
          name
        }
      }
    }
  }
`);

export const DraftRevisionsQuery = graphql(`
  query DraftRevisions($id: ID!, $first: Int, $after: String) {
    draft(id: $id) {
      id
      revisions(first: $first, after: $after) {
        nodes {
          id
          author {
            id
            name
          }
          delegation {
            id
            code
            nameEn: name(lang: EN)
            nameFr: name(lang: FR)
          }
          startedAt
          endedAt
          wordsInserted
          wordsDeleted
          open
        }
        endCursor
        hasMore
      }
    }
  }
`);

/** A draft's changes as they happen, with only what tells the history that a version was made. */
export const DraftVersionCountLive = graphql(`
  subscription DraftVersionCountLive($id: ID!) {
    draftChanged(draftId: $id) {
      id
      versionCount
    }
  }
`);

export const DraftDecisionsQuery = graphql(`
  query DraftDecisions($id: ID!) {
    draft(id: $id) {
      id
      decisionCount
      decisions {
        id
        kind
        paragraphNumber
        detail
        text
        at
        by {
          id
          name
        }
      }
    }
  }
`);

/** A draft's changes as they happen, with only what tells the history that a decision was taken. */
export const DraftDecisionCountLive = graphql(`
  subscription DraftDecisionCountLive($id: ID!) {
    draftChanged(draftId: $id) {
      id
      decisionCount
    }
  }
`);
