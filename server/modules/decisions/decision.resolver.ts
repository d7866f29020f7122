import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { Context } from '../../graphql/context';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { Presented, present, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import type { DraftDecisionDoc } from './decision.model';
import { countDecisions, listDecisions } from './decision.service';
import { DraftDecision } from './decision.type';

type DecisionRoot = Presented<DraftDecisionDoc>;

@Resolver(() => DraftDecision)
export class DraftDecisionResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who took it; null if that account no longer exists',
  })
  async by(@Root() d: DecisionRoot, @Ctx() ctx: Context) {
    const user = await ctx.loaders.user.load(d.byId);
    return user ? present(user) : null;
  }
}

@Resolver(() => Draft)
export class DraftDecisionsResolver {
  @FieldResolver(() => [DraftDecision], {
    description: 'Decisions taken on its text during negotiation, newest first (the last 200)',
    complexity: listCost(2),
  })
  async decisions(@Root() d: Presented<DraftDoc>): Promise<DecisionRoot[]> {
    return presentAll(await listDecisions(d._id));
  }

  @FieldResolver(() => Int, {
    description:
      'How many decisions it has: for a live selection (draftChanged), so that an open history reads them again only when one is taken',
  })
  decisionCount(@Root() d: Presented<DraftDoc>): Promise<number> {
    return countDecisions(d._id);
  }
}
