import { graphql } from '../../../gql';

export const SilenceFields = graphql(`
  fragment SilenceFields on SilenceProcedure {
    id
    state
    until
    startedAt
    endedAt
    startedBy {
      id
      name
    }
    version {
      id
      number
    }
    breaks {
      statement
      at
      delegation {
        id
        name(lang: $lang)
      }
      by {
        id
        name
      }
    }
  }
`);

export const DraftSilenceQuery = graphql(`
  query DraftSilence($id: ID!, $lang: Language) {
    draft(id: $id) {
      id
      silence {
        ...SilenceFields
      }
    }
  }
`);

export const StartSilenceMutation = graphql(`
  mutation StartSilence($draftId: ID!, $until: DateTimeISO!, $lang: Language) {
    startSilence(draftId: $draftId, until: $until) {
      ...SilenceFields
    }
  }
`);

export const BreakSilenceMutation = graphql(`
  mutation BreakSilence($draftId: ID!, $statement: String!, $lang: Language) {
    breakSilence(draftId: $draftId, statement: $statement) {
      ...SilenceFields
    }
  }
`);

export const WithdrawSilenceMutation = graphql(`
  mutation WithdrawSilence($draftId: ID!, $lang: Language) {
    withdrawSilence(draftId: $draftId) {
      ...SilenceFields
    }
  }
`);
