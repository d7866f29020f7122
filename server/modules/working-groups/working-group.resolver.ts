import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { authorize } from '../../core/authorize';
import { GUEST_REFUSED } from '../../core/roles';
import { OPEN_TO_GUESTS, requireUser } from '../../graphql/auth-checker';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { notFound } from '../../graphql/errors';
import { subscribeTo } from '../../graphql/subscribe';
import { ALL, Topic } from '../../pubsub/topics';
import { Delegation } from '../delegations/delegation.type';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Language } from '../shared/localized.enums';
import { MandateTask, mandateAsText } from '../shared/mandate-task.type';
import { Presented, present, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import {
  addWorkingGroupDelegation,
  addWorkingGroupMember,
  removeWorkingGroupDelegation,
  removeWorkingGroupMember,
  seatablePeople,
  setWorkingGroupCoordinator,
} from './membership.service';
import { WorkingGroupDoc, WorkingGroupModel } from './working-group.model';
import { workingGroupAbilities, workingGroupPolicy } from './working-group.policy';
import { WorkingGroup, WorkingGroupAbilities } from './working-group.type';

type WorkingGroupRoot = Presented<WorkingGroupDoc>;

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Authorized()
  @Query(() => [WorkingGroup], { complexity: listCost(4) })
  async workingGroups(@CurrentUser() user: AuthUser): Promise<WorkingGroupRoot[]> {
    authorize(workingGroupPolicy.read(user), GUEST_REFUSED);
    return presentAll(await WorkingGroupModel.find().sort({ number: 1 }).lean<WorkingGroupDoc[]>());
  }

  @Authorized()
  @Query(() => WorkingGroup)
  async workingGroup(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroupRoot> {
    authorize(workingGroupPolicy.read(user), GUEST_REFUSED);
    const group = await ctx.loaders.workingGroup.load(parseId(id));
    if (!group) throw notFound('Working group', id);
    return present(group);
  }

  @Authorized()
  @Mutation(() => WorkingGroup, {
    description:
      'Seats a person in the group: they edit its drafts from then on (the Secretariat only)',
  })
  async addWorkingGroupMember(
    @Arg('workingGroupId', () => ID) workingGroupId: string,
    @Arg('userId', () => ID) userId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupRoot> {
    const person = {
      workingGroupId: parseId(workingGroupId, 'workingGroupId'),
      userId: parseId(userId, 'userId'),
    };
    return present(await addWorkingGroupMember(user, person, ctx.events));
  }

  @Authorized()
  @Mutation(() => WorkingGroup, {
    description:
      'Takes a person out of the group (and out of its coordination if they held it); the Secretariat only',
  })
  async removeWorkingGroupMember(
    @Arg('workingGroupId', () => ID) workingGroupId: string,
    @Arg('userId', () => ID) userId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupRoot> {
    const person = {
      workingGroupId: parseId(workingGroupId, 'workingGroupId'),
      userId: parseId(userId, 'userId'),
    };
    return present(await removeWorkingGroupMember(user, person, ctx.events));
  }

  @Authorized()
  @Mutation(() => WorkingGroup, {
    description:
      'Names the group’s coordinator, who becomes a member of it, or none (userId null); the Secretariat only',
  })
  async setWorkingGroupCoordinator(
    @Arg('workingGroupId', () => ID) workingGroupId: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupRoot> {
    const coordinator = {
      workingGroupId: parseId(workingGroupId, 'workingGroupId'),
      userId: userId === null || userId === undefined ? null : parseId(userId, 'userId'),
    };
    return present(await setWorkingGroupCoordinator(user, coordinator, ctx.events));
  }

  @Authorized()
  @Mutation(() => WorkingGroup, {
    description: 'Seats a delegation in the group (the Secretariat only)',
  })
  async addWorkingGroupDelegation(
    @Arg('workingGroupId', () => ID) workingGroupId: string,
    @Arg('delegationId', () => ID) delegationId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupRoot> {
    const seat = {
      workingGroupId: parseId(workingGroupId, 'workingGroupId'),
      delegationId: parseId(delegationId, 'delegationId'),
    };
    return present(await addWorkingGroupDelegation(user, seat, ctx.events));
  }

  @Authorized()
  @Mutation(() => WorkingGroup, {
    description: 'Takes a delegation out of the group (the Secretariat only)',
  })
  async removeWorkingGroupDelegation(
    @Arg('workingGroupId', () => ID) workingGroupId: string,
    @Arg('delegationId', () => ID) delegationId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupRoot> {
    const seat = {
      workingGroupId: parseId(workingGroupId, 'workingGroupId'),
      delegationId: parseId(delegationId, 'delegationId'),
    };
    return present(await removeWorkingGroupDelegation(user, seat, ctx.events));
  }

  @Subscription(() => WorkingGroup, {
    description:
      'A working group each time its delegations, members or coordinator change (every group, or the one given)',
    subscribe: subscribeTo(Topic.WorkingGroupChanged, (args) =>
      args.workingGroupId ? parseId(args.workingGroupId, 'workingGroupId').toHexString() : ALL,
    ),
  })
  async workingGroupChanged(
    @Root() event: { workingGroupId: string },
    @Arg('workingGroupId', () => ID, { nullable: true }) _workingGroupId: string | null,
  ): Promise<WorkingGroupRoot> {
    // Read afresh, not from the request's loader: the change is what the subscriber wants.
    const group = await WorkingGroupModel.findById(event.workingGroupId).lean<WorkingGroupDoc>();
    if (!group) throw notFound('Working group', event.workingGroupId);
    return present(group);
  }

  // A guest's roles can change too (the Secretariat may seat them): their socket hears it.
  @Extensions(OPEN_TO_GUESTS)
  @Subscription(() => Boolean, {
    description:
      'True each time the signed-in person’s own groups or coordination change: what they may do has changed, pages read it again',
    subscribe: subscribeTo(Topic.MembershipChanged, (_args, ctx) => requireUser(ctx).id),
  })
  myMembershipChanged(): boolean {
    return true;
  }

  @FieldResolver(() => String, {
    description: 'The whole mandate as text, one lettered task a line',
  })
  mandate(
    @Root() g: WorkingGroupRoot,
    @Arg('lang', () => Language, { nullable: true }) lang?: Language,
  ): string {
    return mandateAsText(g.mandate, lang);
  }

  @FieldResolver(() => [MandateTask])
  mandateTasks(@Root() g: WorkingGroupRoot) {
    return g.mandate;
  }

  @FieldResolver(() => User, { nullable: true })
  async coordinator(@Root() g: WorkingGroupRoot, @Ctx() ctx: Context) {
    return g.coordinatorId ? present(await ctx.loaders.user.load(g.coordinatorId)) : null;
  }

  @FieldResolver(() => [User], { complexity: listCost(5) })
  async members(@Root() g: WorkingGroupRoot, @Ctx() ctx: Context) {
    return presentAll(await ctx.loaders.usersByWorkingGroup.load(g._id));
  }

  @FieldResolver(() => [Delegation], {
    complexity: listCost(5),
    description: 'The delegations that sit in the group',
  })
  async delegations(@Root() g: WorkingGroupRoot, @Ctx() ctx: Context) {
    const found = await ctx.loaders.delegation.loadMany(g.delegationIds ?? []);
    return found
      .flatMap((d) => (d && !(d instanceof Error) ? [present(d)] : []))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [User], {
    complexity: listCost(20),
    description:
      'Whom the signed-in person may seat in the group now (empty unless they manage its members)',
  })
  async seatablePeople(
    @Root() g: WorkingGroupRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
  ) {
    return presentAll(await seatablePeople(user, g));
  }

  @FieldResolver(() => [Draft], { complexity: listCost(5) })
  async drafts(@Root() g: WorkingGroupRoot, @Ctx() ctx: Context) {
    return presentAll(await ctx.loaders.draftsByWorkingGroup.load(g._id));
  }

  @FieldResolver(() => WorkingGroupAbilities)
  can(
    @Root() g: WorkingGroupRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
  ): WorkingGroupAbilities {
    return workingGroupAbilities(user, g._id);
  }
}
