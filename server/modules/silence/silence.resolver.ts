import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { Delegation } from '../delegations/delegation.type';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Presented, present } from '../shared/present';
import { User } from '../users/user.type';
import { DraftVersionModel } from '../versions/version.model';
import { DraftVersion } from '../versions/version.type';
import { SilenceState } from './silence.enums';
import type { SilenceBreakDoc, SilenceProcedureDoc } from './silence.model';
import {
  breakSilence,
  findCurrentSilence,
  listBreaks,
  startSilence,
  withdrawSilence,
} from './silence.service';
import { SilenceBreak, SilenceProcedure } from './silence.type';

type SilenceRoot = Presented<SilenceProcedureDoc>;

@Resolver(() => SilenceProcedure)
export class SilenceResolver {
  @Authorized()
  @Mutation(() => SilenceProcedure, {
    description:
      'Circulates the draft under the silence procedure until `until`: its text is frozen as a numbered version and locked, and adopted at the deadline unless a delegation breaks silence; for the Chair and the Secretariat',
  })
  async startSilence(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('until', () => Date) until: Date,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<SilenceRoot> {
    return present(
      await startSilence(user, parseId(draftId, 'draftId'), until, ctx.collab, ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => SilenceProcedure, {
    description:
      "Breaks silence in the name of the delegate's delegation, with a written statement visible to all: the silence ends and the draft returns to negotiation",
  })
  async breakSilence(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('statement', () => String) statement: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<SilenceRoot> {
    return present(await breakSilence(user, parseId(draftId, 'draftId'), statement, ctx.events));
  }

  @Authorized()
  @Mutation(() => SilenceProcedure, {
    description:
      'Withdraws the draft from the silence procedure before its deadline; for the Chair',
  })
  async withdrawSilence(
    @Arg('draftId', () => ID) draftId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<SilenceRoot> {
    return present(await withdrawSilence(user, parseId(draftId, 'draftId'), ctx.events));
  }

  @FieldResolver(() => ID)
  draftId(@Root() s: SilenceRoot): string {
    return s.draftId.toHexString();
  }

  @FieldResolver(() => SilenceState)
  state(@Root() s: SilenceRoot): SilenceState {
    return s.state as SilenceState;
  }

  @FieldResolver(() => DraftVersion, {
    nullable: true,
    description: 'The text circulated, frozen when the procedure started',
  })
  async version(@Root() s: SilenceRoot) {
    if (!s.versionId) return null;
    return present(await DraftVersionModel.findById(s.versionId, { state: 0 }).lean().exec());
  }

  @FieldResolver(() => [SilenceBreak], {
    description: 'The statements breaking silence, first first (empty while unbroken)',
  })
  breaks(@Root() s: SilenceRoot): Promise<SilenceBreakDoc[]> {
    return listBreaks(s._id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who circulated the text' })
  async startedBy(@Root() s: SilenceRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(s.startedById));
  }
}

@Resolver(() => SilenceBreak)
export class SilenceBreakResolver {
  @FieldResolver(() => Delegation, {
    nullable: true,
    description: 'The delegation that broke silence',
  })
  async delegation(@Root() b: SilenceBreakDoc, @Ctx() ctx: Context) {
    return present(await ctx.loaders.delegation.load(b.delegationId));
  }

  @FieldResolver(() => User, { nullable: true, description: 'The delegate who sent the statement' })
  async by(@Root() b: SilenceBreakDoc, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(b.byId));
  }
}

@Resolver(() => Draft)
export class DraftSilenceResolver {
  @FieldResolver(() => SilenceProcedure, {
    nullable: true,
    description: 'The silence procedure under way, or the last one; null if it never had one',
  })
  async silence(@Root() d: Presented<DraftDoc>): Promise<SilenceRoot | null> {
    return present(await findCurrentSilence(d._id));
  }
}
