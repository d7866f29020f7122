import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { notFound } from '../../graphql/errors';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Language } from '../shared/localized.enums';
import { MandateTask, mandateAsText } from '../shared/mandate-task.type';
import { Presented, present, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import { WorkingGroupDoc, WorkingGroupModel } from './working-group.model';
import { workingGroupAbilities } from './working-group.policy';
import { WorkingGroup, WorkingGroupAbilities } from './working-group.type';

type WorkingGroupRoot = Presented<WorkingGroupDoc>;

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Authorized()
  @Query(() => [WorkingGroup], { complexity: listCost(4) })
  async workingGroups(): Promise<WorkingGroupRoot[]> {
    return presentAll(await WorkingGroupModel.find().sort({ number: 1 }).lean<WorkingGroupDoc[]>());
  }

  @Authorized()
  @Query(() => WorkingGroup)
  async workingGroup(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupRoot> {
    const group = await ctx.loaders.workingGroup.load(parseId(id));
    if (!group) throw notFound('Working group', id);
    return present(group);
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
