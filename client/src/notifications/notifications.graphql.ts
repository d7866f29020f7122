import { graphql } from '../gql';

export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    text(lang: $lang)
    read
    link
    createdAt
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $before: ID, $lang: Language) {
    notifications(first: $first, before: $before) {
      ...NotificationFields
    }
    unreadNotificationCount
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded($lang: Language) {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const UnreadCountChangedSubscription = graphql(`
  subscription UnreadNotificationCountChanged {
    unreadNotificationCountChanged
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      enabledKinds
      email
    }
  }
`);

export const SetNotificationPreferencesMutation = graphql(`
  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      enabledKinds
      email
    }
  }
`);

export const MentionCandidatesQuery = graphql(`
  query MentionCandidates($search: String!) {
    mentionCandidates(search: $search, first: 8) {
      name
      delegation
    }
  }
`);
