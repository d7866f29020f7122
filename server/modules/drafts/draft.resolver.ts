import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { authorize } from '../../core/authorize';
import { GUEST_REFUSED } from '../../core/roles';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import { ALL, Topic } from '../../pubsub/topics';
import { consultationPolicy } from '../consultations/consultation.policy';
import { parseId } from '../shared/ids';
import { Presented, present, presentAll } from '../shared/present';
import { silenceAbilities } from '../silence/silence.policy';
import { User } from '../users/user.type';
import { WorkingGroup } from '../working-groups/working-group.type';
import { DraftStatus } from './draft.enums';
import { CreateDraftInput, UpdateDraftInput } from './draft.inputs';
import { DraftDoc } from './draft.model';
import { draftAbilities, draftPolicy } from './draft.policy';
import { createDraft, findDraft, listDrafts, setDraftStatus, updateDraft } from './draft.service';
import { Draft, DraftAbilities, DraftStatusChange } from './draft.type';

type DraftRoot = Presented<DraftDoc>;
type StatusChangeRoot = DraftDoc['statusHistory'][number];

@Resolver(() => Draft)
export class DraftResolver {
  @Authorized()
  @Query(() => [Draft], { complexity: listCost(4) })
  async drafts(
    @CurrentUser() user: AuthUser,
    @Arg('workingGroupId', () => ID, { nullable: true }) workingGroupId?: string,
  ): Promise<DraftRoot[]> {
    authorize(draftPolicy.read(user), GUEST_REFUSED);
    return presentAll(
      await listDrafts(workingGroupId ? parseId(workingGroupId, 'workingGroupId') : undefined),
    );
  }

  @Authorized()
  @Query(() => Draft)
  async draft(@Arg('id', () => ID) id: string, @CurrentUser() user: AuthUser): Promise<DraftRoot> {
    authorize(draftPolicy.read(user), GUEST_REFUSED);
    return present(await findDraft(parseId(id)));
  }

  @Authorized()
  @Mutation(() => Draft)
  async createDraft(
    @Arg('input', () => CreateDraftInput) input: CreateDraftInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<DraftRoot> {
    return present(
      await createDraft(user, parseId(input.workingGroupId, 'workingGroupId'), input, ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => Draft)
  async updateDraft(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDraftInput) input: UpdateDraftInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<DraftRoot> {
    return present(await updateDraft(user, parseId(id), input, ctx.events));
  }

  @Authorized()
  @Mutation(() => Draft)
  async setDraftStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => DraftStatus) status: DraftStatus,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<DraftRoot> {
    return present(await setDraftStatus(user, parseId(id), status, ctx.events));
  }

  @Subscription(() => Draft, {
    description:
      'Status changes of one draft, of the drafts of one working group, or of every draft',
    subscribe: subscribeTo(Topic.DraftStatusChanged, (args) => {
      if (args.draftId) return parseId(args.draftId, 'draftId').toHexString();
      if (args.workingGroupId) return parseId(args.workingGroupId, 'workingGroupId').toHexString();
      return ALL;
    }),
  })
  draftStatusChanged(
    @Root() draft: DraftDoc,
    @Arg('draftId', () => ID, { nullable: true }) _draftId?: string,
    @Arg('workingGroupId', () => ID, { nullable: true }) _workingGroupId?: string,
  ): DraftRoot {
    return present(draft);
  }

  @Subscription(() => Draft, {
    description:
      'A draft as a dashboard shows it, each time that changes: an edit (at most once a second), its status, its comments, someone opening or leaving it',
    subscribe: subscribeTo(Topic.DraftChanged, (args) =>
      args.draftId ? parseId(args.draftId, 'draftId').toHexString() : ALL,
    ),
  })
  async draftChanged(
    @Root() event: { draftId: string },
    @Arg('draftId', () => ID, { nullable: true }) _draftId?: string,
  ): Promise<DraftRoot> {
    return present(await findDraft(parseId(event.draftId, 'draftId')));
  }

  @FieldResolver(() => WorkingGroup)
  async workingGroup(@Root() d: DraftRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.workingGroup.load(d.workingGroupId));
  }

  @FieldResolver(() => User, { nullable: true })
  async createdBy(@Root() d: DraftRoot, @Ctx() ctx: Context) {
    return d.createdById ? present(await ctx.loaders.user.load(d.createdById)) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  async statusChangedBy(@Root() d: DraftRoot, @Ctx() ctx: Context) {
    return d.statusChangedById ? present(await ctx.loaders.user.load(d.statusChangedById)) : null;
  }

  @FieldResolver(() => [DraftStatusChange], {
    description: 'Every change of status, oldest first (adoptions and reopenings included)',
  })
  statusHistory(@Root() d: DraftRoot): StatusChangeRoot[] {
    return d.statusHistory ?? [];
  }

  @FieldResolver(() => Int, { description: 'Comments neither resolved nor deleted' })
  openComments(@Root() d: DraftRoot, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.openCommentCount.load(d._id);
  }

  @FieldResolver(() => DraftAbilities)
  can(
    @Root() d: DraftRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
  ): DraftAbilities {
    return {
      ...draftAbilities(user, d),
      ...silenceAbilities(user, d),
      openConsultation: !!user && consultationPolicy.open(user),
    };
  }
}

@Resolver(() => DraftStatusChange)
export class DraftStatusChangeResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who changed it (null if that account no longer exists)',
  })
  async by(@Root() change: StatusChangeRoot, @Ctx() ctx: Context) {
    const user = await ctx.loaders.user.load(change.byId);
    return user ? present(user) : null;
  }
}
