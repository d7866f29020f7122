import { graphql } from '../../gql';

/** A draft an agenda item is about: its status follows live (draftStatusChanged, by id). */
export const LinkedDraft = graphql(`
  fragment LinkedDraft on Draft {
    id
    title(lang: $lang)
    status
    workingGroup {
      id
      number
    }
  }
`);

export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    date
    month
    dateIsIndicative
    title(lang: $lang)
    titleEn: title(lang: EN)
    titleFr: title(lang: FR)
    kind
    can {
      manage
    }
    workingGroup {
      id
      number
    }
    agenda {
      id
      order
      title(lang: $lang)
      titleEn: title(lang: EN)
      titleFr: title(lang: FR)
      reference
      openComments
      drafts {
        ...LinkedDraft
      }
      can {
        comment
      }
      subItems {
        id
        order
        title(lang: $lang)
        titleEn: title(lang: EN)
        titleFr: title(lang: FR)
        reference
        drafts {
          ...LinkedDraft
        }
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

/** Every meeting created, rescheduled or deleted, for the calendar's list of them. */
export const MeetingsChangedSubscription = graphql(`
  subscription MeetingsChanged($lang: Language) {
    meetingsChanged {
      meetingId
      deleted
      meeting {
        ...MeetingFields
      }
    }
  }
`);

/** Status changes of every draft: the calendar shows those its agenda items link to. */
export const AnyDraftStatusChanged = graphql(`
  subscription AnyDraftStatusChanged {
    draftStatusChanged {
      id
      status
    }
  }
`);

export const DraftChoices = graphql(`
  query DraftChoices($lang: Language) {
    drafts {
      ...LinkedDraft
    }
  }
`);

export const CreateMeeting = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!, $lang: Language) {
    createMeeting(input: $input) {
      ...MeetingFields
    }
  }
`);

export const UpdateMeeting = graphql(`
  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!, $lang: Language) {
    updateMeeting(id: $id, input: $input) {
      ...MeetingFields
    }
  }
`);

export const DeleteMeeting = graphql(`
  mutation DeleteMeeting($id: ID!) {
    deleteMeeting(id: $id)
  }
`);

export const AddAgendaItem = graphql(`
  mutation AddAgendaItem($meetingId: ID!, $input: AgendaItemInput!, $lang: Language) {
    addAgendaItem(meetingId: $meetingId, input: $input) {
      ...MeetingFields
    }
  }
`);

export const UpdateAgendaItem = graphql(`
  mutation UpdateAgendaItem(
    $meetingId: ID!
    $itemId: ID!
    $input: AgendaItemInput!
    $lang: Language
  ) {
    updateAgendaItem(meetingId: $meetingId, itemId: $itemId, input: $input) {
      ...MeetingFields
    }
  }
`);

export const MoveAgendaItem = graphql(`
  mutation MoveAgendaItem($meetingId: ID!, $itemId: ID!, $toOrder: Int!, $lang: Language) {
    moveAgendaItem(meetingId: $meetingId, itemId: $itemId, toOrder: $toOrder) {
      ...MeetingFields
    }
  }
`);

export const RemoveAgendaItem = graphql(`
  mutation RemoveAgendaItem($meetingId: ID!, $itemId: ID!, $lang: Language) {
    removeAgendaItem(meetingId: $meetingId, itemId: $itemId) {
      ...MeetingFields
    }
  }
`);
