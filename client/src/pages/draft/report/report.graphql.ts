import { graphql } from '../../../gql';

export const ReportSourcesQuery = graphql(`
  query ReportSources($id: ID!, $lang: Language) {
    draft(id: $id) {
      id
      report {
        id
        can {
          takeIn
        }
        sections {
          id
          order
          heading
          versionNumber
          takenAt
          outdated
          sourceDraft {
            id
            title(lang: $lang)
            workingGroup {
              id
              number
            }
          }
          latestVersion {
            id
            number
            label
          }
        }
      }
    }
  }
`);

export const ReportSectionChangesQuery = graphql(`
  query ReportSectionChanges($id: ID!) {
    draft(id: $id) {
      id
      report {
        id
        sections {
          id
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
    }
  }
`);

export const TakeInReportSectionMutation = graphql(`
  mutation TakeInReportSection($draftId: ID!, $sectionId: ID!, $versionId: ID) {
    takeInReportSection(draftId: $draftId, sectionId: $sectionId, versionId: $versionId) {
      id
      sections {
        id
        versionNumber
        outdated
      }
    }
  }
`);

export const ReportSourcesChanged = graphql(`
  subscription ReportSourcesChanged($id: ID!) {
    draftChanged(draftId: $id) {
      id
    }
  }
`);
