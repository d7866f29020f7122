import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { Delegation } from '../delegations/delegation.type';
import type { DraftDoc } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Presented, present, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import type { ProposalDoc } from './proposal.model';
import { proposalAbilities } from './proposal.policy';
import {
  decideProposal,
  listProposals,
  proposalRecords,
  supportProposal,
} from './proposal.service';
import { Proposal, ProposalAbilities } from './proposal.type';

type ProposalRoot = Presented<ProposalDoc>;
type DraftRoot = Presented<DraftDoc>;

@Resolver(() => Proposal)
export class ProposalResolver {
  @Authorized()
  @Mutation(() => Proposal, {
    description:
      "Your delegation supports (support: true) or objects to (false) a proposal of another delegation; your delegation's last position counts",
  })
  async supportProposal(
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('support', () => Boolean) support: boolean,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ProposalRoot> {
    return present(
      await supportProposal(user, parseId(proposalId, 'proposalId'), support, ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => Proposal, {
    description:
      'Accepts (it becomes text) or rejects (it goes) a proposal, as your edit of the text; for the coordinator, the Chair and the Secretariat. A decided proposal is NOT_FOUND.',
  })
  async decideProposal(
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ProposalRoot> {
    return present(
      await decideProposal(user, parseId(proposalId, 'proposalId'), accept, ctx.collab, ctx.events),
    );
  }

  @FieldResolver(() => String, {
    description:
      'Its words: those proposed for insertion (a replacement’s new words), or those proposed for deletion',
  })
  text(@Root() p: ProposalRoot): string {
    return p.inserted || p.deleted;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who proposed it' })
  async author(@Root() p: ProposalRoot, @Ctx() ctx: Context) {
    return p.authorId ? present(await ctx.loaders.user.load(p.authorId)) : null;
  }

  @FieldResolver(() => Delegation, {
    nullable: true,
    description: 'The delegation it is proposed in the name of (its author’s)',
  })
  async delegation(@Root() p: ProposalRoot, @Ctx() ctx: Context) {
    return p.delegationId ? present(await ctx.loaders.delegation.load(p.delegationId)) : null;
  }

  @FieldResolver(() => [Delegation], { description: 'Delegations supporting it' })
  supports(@Root() p: ProposalRoot, @Ctx() ctx: Context) {
    return this.positions(p, true, ctx);
  }

  @FieldResolver(() => [Delegation], { description: 'Delegations objecting to it' })
  objections(@Root() p: ProposalRoot, @Ctx() ctx: Context) {
    return this.positions(p, false, ctx);
  }

  @FieldResolver(() => User, { nullable: true })
  async decidedBy(@Root() p: ProposalRoot, @Ctx() ctx: Context) {
    return p.decidedById ? present(await ctx.loaders.user.load(p.decidedById)) : null;
  }

  @FieldResolver(() => ProposalAbilities)
  async can(
    @Root() p: ProposalRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
    @Ctx() ctx: Context,
  ): Promise<ProposalAbilities> {
    const draft = await ctx.loaders.draft.load(p.draftId);
    return draft ? proposalAbilities(user, draft, p) : { support: false, decide: false };
  }

  private async positions(p: ProposalRoot, support: boolean, ctx: Context) {
    const ids = p.positions.filter((x) => x.support === support).map((x) => x.delegationId);
    const found = await Promise.all(ids.map((id) => ctx.loaders.delegation.load(id)));
    return found.filter((d) => d !== null).map((d) => present(d));
  }
}

@Resolver(() => Draft)
export class DraftProposalsResolver {
  @FieldResolver(() => [Proposal], {
    complexity: listCost(10),
    description:
      'Its proposals: open ones in the order of the text, then decided ones, latest first',
  })
  async proposals(
    @Root() d: DraftRoot,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProposalRoot[]> {
    // A live event (every second while someone types) reads the records the tracker keeps; a
    // query reads the text itself.
    if (info.operation.operation === 'subscription')
      return presentAll(await proposalRecords(d._id));
    return presentAll(await listProposals(d._id, ctx.collab, ctx.events));
  }

  @FieldResolver(() => Int, { description: 'Proposals in its text awaiting a decision' })
  openProposals(@Root() d: DraftRoot): number {
    return d.openProposals ?? 0;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the signed-in person's editor starts in Propose mode (a delegate while the draft is in review)",
  })
  proposeByDefault(@Root() d: DraftRoot, @CurrentUser({ optional: true }) user: AuthUser | null) {
    return user ? draftPolicy.proposeByDefault(user, d) : false;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the signed-in person may accept or reject its proposals',
  })
  decideProposals(
    @Root() d: DraftRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
  ): boolean {
    return user ? draftPolicy.decideProposal(user, d) : false;
  }
}
