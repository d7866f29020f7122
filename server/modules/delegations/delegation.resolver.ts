import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { Context } from '../../graphql/context';
import { Presented, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import { DelegationDoc, DelegationModel } from './delegation.model';
import { Delegation } from './delegation.type';

type DelegationRoot = Presented<DelegationDoc>;

@Resolver(() => Delegation)
export class DelegationResolver {
  @Authorized()
  @Query(() => [Delegation], { complexity: listCost(20) })
  async delegations(): Promise<DelegationRoot[]> {
    return presentAll(
      await DelegationModel.find().sort({ memberSince: 1, code: 1 }).lean<DelegationDoc[]>(),
    );
  }

  // Guests reach a delegation through their own account; its members lead to working groups and
  // their drafts, so the auth checker refuses them here.
  @Authorized()
  @FieldResolver(() => [User], { complexity: listCost(5) })
  async members(@Root() d: DelegationRoot, @Ctx() ctx: Context) {
    return presentAll(await ctx.loaders.usersByDelegation.load(d._id));
  }
}
