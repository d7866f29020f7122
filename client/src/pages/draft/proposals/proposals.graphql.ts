import { graphql } from '../../../gql';

// Both names of each delegation: switching language re-renders without asking again.
export const ProposalFields = graphql(`
  fragment ProposalFields on Proposal {
    id
    markId
    status
    kind
    inserted
    deleted
    paragraphNumber
    decidedAt
    author {
      id
      name
    }
    delegation {
      id
      code
      nameEn: name(lang: EN)
      nameFr: name(lang: FR)
    }
    supports {
      id
      nameEn: name(lang: EN)
      nameFr: name(lang: FR)
    }
    objections {
      id
      nameEn: name(lang: EN)
      nameFr: name(lang: FR)
    }
    can {
      support
      decide
    }
  }
`);

export const DraftProposalsQuery = graphql(`
  query DraftProposals($id: ID!) {
    draft(id: $id) {
      id
      openProposals
      proposals {
        ...ProposalFields
      }
    }
  }
`);

// The draft's live summary topic (a proposal found in the text, supported, decided) carries them.
export const DraftProposalsLive = graphql(`
  subscription DraftProposalsLive($id: ID!) {
    draftChanged(draftId: $id) {
      id
      openProposals
      proposals {
        ...ProposalFields
      }
    }
  }
`);

export const SupportProposal = graphql(`
  mutation SupportProposal($id: ID!, $support: Boolean!) {
    supportProposal(proposalId: $id, support: $support) {
      ...ProposalFields
    }
  }
`);

export const DecideProposal = graphql(`
  mutation DecideProposal($id: ID!, $accept: Boolean!) {
    decideProposal(proposalId: $id, accept: $accept) {
      ...ProposalFields
    }
  }
`);
