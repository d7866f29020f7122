import { graphql } from '../../gql';

export const ConsultationSummaryFragment = graphql(`
  fragment ConsultationSummary on Consultation {
    id
    draftId
    title(lang: $lang)
    symbol
    versionNumber
    versionLabel(lang: $lang)
    open
    openedAt
    closesAt
    closedAt
  }
`);

export const ConsultationsQuery = graphql(`
  query Consultations($lang: Language) {
    consultations {
      ...ConsultationSummary
    }
  }
`);

export const ConsultationCommentFieldsFragment = graphql(`
  fragment ConsultationCommentFields on ConsultationComment {
    id
    body
    authorName
    delegationName(lang: $lang)
    paragraph
    mine
    createdAt
    editedAt
    canChange
  }
`);

export const ConsultationQuery = graphql(`
  query Consultation($id: ID!, $lang: Language) {
    consultation(id: $id) {
      ...ConsultationSummary
      blocks {
        kind
        level
        number
        html
      }
      comments {
        ...ConsultationCommentFields
      }
      can {
        comment
        close
      }
    }
  }
`);

export const MySignatureQuery = graphql(`
  query MySignature($lang: Language) {
    me {
      id
      name
      delegation {
        id
        name(lang: $lang)
      }
    }
  }
`);

export const AddConsultationCommentMutation = graphql(`
  mutation AddConsultationComment($input: AddConsultationCommentInput!, $lang: Language) {
    addConsultationComment(input: $input) {
      ...ConsultationCommentFields
    }
  }
`);

export const EditConsultationCommentMutation = graphql(`
  mutation EditConsultationComment($id: ID!, $body: String!, $lang: Language) {
    editConsultationComment(id: $id, body: $body) {
      ...ConsultationCommentFields
    }
  }
`);

export const WithdrawConsultationCommentMutation = graphql(`
  mutation WithdrawConsultationComment($id: ID!) {
    withdrawConsultationComment(id: $id) {
      id
    }
  }
`);

export const DraftConsultationsQuery = graphql(`
  query DraftConsultations($id: ID!, $lang: Language) {
    draft(id: $id) {
      id
      can {
        openConsultation
      }
      versions {
        id
        number
        label
      }
      consultations {
        ...ConsultationSummary
        can {
          close
        }
      }
    }
  }
`);

export const OpenConsultationMutation = graphql(`
  mutation OpenConsultation($input: OpenConsultationInput!, $lang: Language) {
    openConsultation(input: $input) {
      ...ConsultationSummary
    }
  }
`);

export const CloseConsultationMutation = graphql(`
  mutation CloseConsultation($id: ID!, $lang: Language) {
    closeConsultation(id: $id) {
      ...ConsultationSummary
    }
  }
`);

// The page follows its consultation: Member States' comments and its closing, into the cache.
export const ConsultationChangedSubscription = graphql(`
  subscription ConsultationChanged($id: ID!, $lang: Language) {
    consultationChanged(id: $id) {
      ...ConsultationSummary
      comments {
        ...ConsultationCommentFields
      }
      can {
        comment
        close
      }
    }
  }
`);

/** A draft's changes as they happen, with only what tells its panel that one opened or closed. */
export const DraftOpenConsultationsLive = graphql(`
  subscription DraftOpenConsultationsLive($id: ID!) {
    draftChanged(draftId: $id) {
      id
      openConsultationCount
    }
  }
`);
