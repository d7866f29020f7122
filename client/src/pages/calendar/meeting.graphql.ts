import { graphql } from '../../gql';

export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    date
    month
    dateIsIndicative
    title(lang: $lang)
    kind
    workingGroup {
      id
      number
    }
    agenda {
      id
      order
      title(lang: $lang)
      reference
      openComments
      can {
        comment
      }
      subItems {
        id
        order
        title(lang: $lang)
        reference
      }
    }
  }
`);

export const AgendaChangedSubscription = graphql(`
  subscription AgendaChanged($meetingId: ID!, $lang: Language) {
    agendaChanged(meetingId: $meetingId) {
      ...MeetingFields
    }
  }
`);
