import { Authorized, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { OPEN_TO_GUESTS } from '../../graphql/auth-checker';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { Delegation } from '../delegations/delegation.type';
import { Presented, present } from '../shared/present';
import { WorkingGroup } from '../working-groups/working-group.type';
import { UserDoc, UserModel } from './user.model';
import { User } from './user.type';

type UserRoot = Presented<UserDoc>;

@Resolver(() => User)
export class UserResolver {
  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Query(() => User, { description: 'The signed-in person' })
  async me(@CurrentUser() user: AuthUser, @Ctx() ctx: Context): Promise<UserRoot | null> {
    return present(await ctx.loaders.user.load(user._id));
  }

  @Authorized()
  @Query(() => [User], { complexity: listCost(20) })
  async users(): Promise<UserRoot[]> {
    const docs = await UserModel.find().sort({ name: 1 }).lean<UserDoc[]>();
    return docs.map((d) => present(d));
  }

  @FieldResolver(() => Delegation, { nullable: true })
  async delegation(@Root() user: UserRoot, @Ctx() ctx: Context) {
    return user.delegationId ? present(await ctx.loaders.delegation.load(user.delegationId)) : null;
  }

  // A guest reaches users (their own account): groups lead to drafts, so the checker refuses them.
  @Authorized()
  @FieldResolver(() => [WorkingGroup], { complexity: listCost(5) })
  async workingGroups(@Root() user: UserRoot, @Ctx() ctx: Context) {
    const groups = await ctx.loaders.workingGroup.loadMany(user.workingGroupIds ?? []);
    return groups.flatMap((g) => (g && !(g instanceof Error) ? [present(g)] : []));
  }
}
