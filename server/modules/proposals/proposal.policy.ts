import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { draftPolicy } from '../drafts/draft.policy';
import type { DraftStatus } from '../drafts/draft-status';
import { ProposalStatus } from './proposal-status';

interface DraftRef {
  workingGroupId: Types.ObjectId;
  status: DraftStatus | string;
}

interface ProposalRef {
  status: ProposalStatus | string;
  delegationId?: Types.ObjectId | null;
}

/** Who may do what with one proposal (the draft-wide rules are in draft.policy.ts). */
export const proposalPolicy = {
  /** Any delegation but the proposer's, while the proposal is open; changeable. */
  support: (u: AuthUser, d: DraftRef, p: ProposalRef) =>
    draftPolicy.supportProposal(u, d) &&
    p.status === ProposalStatus.OPEN &&
    !(p.delegationId && u.delegationId?.equals(p.delegationId)),
  decide: (u: AuthUser, d: DraftRef, p: ProposalRef) =>
    draftPolicy.decideProposal(u, d) && p.status === ProposalStatus.OPEN,
};

export interface ProposalAbilityValues {
  support: boolean;
  decide: boolean;
}

export function proposalAbilities(
  u: AuthUser | null,
  d: DraftRef,
  p: ProposalRef,
): ProposalAbilityValues {
  if (!u) return { support: false, decide: false };
  return { support: proposalPolicy.support(u, d, p), decide: proposalPolicy.decide(u, d, p) };
}
