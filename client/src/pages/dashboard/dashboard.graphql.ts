import { graphql } from '../../gql';

export const DraftSummaryFields = graphql(`
  fragment DraftSummary on Draft {
    id
    title(lang: $lang)
    status
    deadline
    lastEditedAt
    lastEditedBy {
      id
      name
    }
    editors {
      clientId
      user {
        id
        name
      }
    }
    length
    words
    openComments
    openBrackets
    openProposals
    paragraphsAgreed
    paragraphsTotal
    adRefPending
    changesSinceMyLastVisit
    activity(days: 14) {
      day
      edits
    }
    workingGroup {
      id
      number
      title(lang: $lang)
    }
  }
`);

export const DashboardQuery = graphql(`
  query Dashboard($lang: Language, $now: DateTimeISO) {
    committee {
      id
      periodEnd
      can {
        compileReport
      }
    }
    drafts {
      ...DraftSummary
    }
    upcoming: meetings(from: $now) {
      id
      date
      dateIsIndicative
      month
      title(lang: $lang)
    }
    past: meetings(to: $now) {
      id
      date
      dateIsIndicative
      month
      title(lang: $lang)
    }
  }
`);

export const DraftChangedSubscription = graphql(`
  subscription DraftChanged($lang: Language) {
    draftChanged {
      ...DraftSummary
    }
  }
`);
