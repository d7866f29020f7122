import { graphql } from '../../gql';

// Read by the shell on every page (which links to show; a guest sees only their account).
export const MyAbilitiesQuery = graphql(`
  query MyAbilities {
    myAccount {
      can {
        managePeople
        readAuditLog
        readCommittee
      }
    }
  }
`);

export const MyAccountQuery = graphql(`
  query MyAccount {
    myAccount {
      user {
        id
        name
        email
        roles
      }
      sessions {
        id
        createdAt
        expiresAt
        ip
        current
      }
    }
  }
`);

export const ChangeMyPassword = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const RevokeMySession = graphql(`
  mutation RevokeMySession($id: ID!) {
    revokeMySession(id: $id)
  }
`);

export const AcceptInvitation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      token
      expiresAt
      user {
        id
        name
      }
    }
  }
`);

export const AccountFields = graphql(`
  fragment AccountFields on Account {
    id
    status
    deactivatedAt
    user {
      id
      name
      email
      roles
      delegation {
        id
        code
      }
      workingGroups {
        id
        number
      }
    }
    can {
      deactivate
      reactivate
      resetPassword
      changeAccess
    }
  }
`);

export const PeopleQuery = graphql(`
  query People {
    accounts {
      ...AccountFields
    }
    delegations {
      id
      code
      nameEn: name(lang: EN)
      nameFr: name(lang: FR)
    }
    workingGroups {
      id
      number
    }
  }
`);

export const AccountChanged = graphql(`
  subscription AccountChanged {
    accountChanged {
      ...AccountFields
    }
  }
`);

export const InviteUser = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      url
      expiresAt
      kind
      user {
        id
        name
      }
    }
  }
`);

export const ResetUserPassword = graphql(`
  mutation ResetUserPassword($id: ID!) {
    resetUserPassword(id: $id) {
      url
      expiresAt
      kind
      user {
        id
        name
      }
    }
  }
`);

export const DeactivateUser = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...AccountFields
    }
  }
`);

export const ReactivateUser = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...AccountFields
    }
  }
`);

export const SetUserAccess = graphql(`
  mutation SetUserAccess($input: UserAccessInput!) {
    setUserAccess(input: $input) {
      ...AccountFields
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilterInput) {
    auditLog(filter: $filter) {
      id
      at
      action
      actorName
      targetKind
      targetLabel
      summary
      ip
    }
  }
`);
