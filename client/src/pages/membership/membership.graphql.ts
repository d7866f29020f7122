import { graphql } from '../../gql';

/* One shape for the query and the live event: Apollo's cache (WorkingGroup by id) merges them. */
export const MembershipGroupFields = graphql(`
  fragment MembershipGroupFields on WorkingGroup {
    id
    number
    title(lang: $lang)
    coordinator {
      id
    }
    members {
      id
      name
      delegation {
        id
        code
        nameEn: name(lang: EN)
        nameFr: name(lang: FR)
      }
    }
    delegations {
      id
      code
      nameEn: name(lang: EN)
      nameFr: name(lang: FR)
    }
    seatablePeople {
      id
      name
      delegation {
        id
        code
        nameEn: name(lang: EN)
        nameFr: name(lang: FR)
      }
    }
    can {
      manageMembers
    }
  }
`);

export const MembershipQuery = graphql(`
  query Membership($lang: Language) {
    workingGroups {
      ...MembershipGroupFields
    }
  }
`);

/** The delegations to choose from: read only for those who manage membership. */
export const MembershipChoicesQuery = graphql(`
  query MembershipChoices {
    delegations {
      id
      code
      nameEn: name(lang: EN)
      nameFr: name(lang: FR)
    }
  }
`);

export const WorkingGroupChangedSubscription = graphql(`
  subscription WorkingGroupChanged($lang: Language) {
    workingGroupChanged {
      ...MembershipGroupFields
    }
  }
`);

export const AddMember = graphql(`
  mutation AddWorkingGroupMember($workingGroupId: ID!, $userId: ID!, $lang: Language) {
    addWorkingGroupMember(workingGroupId: $workingGroupId, userId: $userId) {
      ...MembershipGroupFields
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveWorkingGroupMember($workingGroupId: ID!, $userId: ID!, $lang: Language) {
    removeWorkingGroupMember(workingGroupId: $workingGroupId, userId: $userId) {
      ...MembershipGroupFields
    }
  }
`);

export const SetCoordinator = graphql(`
  mutation SetWorkingGroupCoordinator($workingGroupId: ID!, $userId: ID, $lang: Language) {
    setWorkingGroupCoordinator(workingGroupId: $workingGroupId, userId: $userId) {
      ...MembershipGroupFields
    }
  }
`);

export const AddDelegation = graphql(`
  mutation AddWorkingGroupDelegation($workingGroupId: ID!, $delegationId: ID!, $lang: Language) {
    addWorkingGroupDelegation(workingGroupId: $workingGroupId, delegationId: $delegationId) {
      ...MembershipGroupFields
    }
  }
`);

export const RemoveDelegation = graphql(`
  mutation RemoveWorkingGroupDelegation(
    $workingGroupId: ID!
    $delegationId: ID!
    $lang: Language
  ) {
    removeWorkingGroupDelegation(workingGroupId: $workingGroupId, delegationId: $delegationId) {
      ...MembershipGroupFields
    }
  }
`);
