import { graphql } from '../../gql';

export const CompileChoicesQuery = graphql(`
  query CompileChoices($lang: Language) {
    committee {
      id
      can {
        compileReport
      }
    }
    workingGroups {
      id
      number
      title(lang: $lang)
      drafts {
        id
        title(lang: EN)
        localTitle: title(lang: $lang)
        versions {
          id
          number
          label
          createdAt
        }
      }
    }
  }
`);

export const CompileReportMutation = graphql(`
  mutation CompileReport($input: CompileReportInput!) {
    compileReport(input: $input) {
      id
    }
  }
`);
