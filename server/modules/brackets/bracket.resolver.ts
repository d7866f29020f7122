import { Types } from 'mongoose';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { type Presented, present } from '../shared/present';
import { User } from '../users/user.type';
import type { BracketData } from './bracket.data';
import { chooseAlternative, liftBracket, listBrackets, parseBracketId } from './bracket.service';
import { Bracket } from './bracket.type';

type DraftRoot = Presented<DraftDoc>;

@Resolver(() => Bracket)
export class BracketResolver {
  @Authorized()
  @Mutation(() => Draft, {
    description:
      'Lifts a bracket: its text stays, the brackets and alternatives go; for those who manage the draft',
  })
  async liftBracket(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('bracketId', () => ID) bracketId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<DraftRoot> {
    return present(
      await liftBracket(
        user,
        parseId(draftId, 'draftId'),
        parseBracketId(bracketId),
        ctx.collab,
        ctx.events,
      ),
    );
  }

  @Authorized()
  @Mutation(() => Draft, {
    description:
      'Makes a bracketed passage one of its options (0: the bracketed text, 1, 2…: its alternatives), without brackets; for those who manage the draft',
  })
  async chooseAlternative(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('bracketId', () => ID) bracketId: string,
    @Arg('option', () => Int) option: number,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<DraftRoot> {
    return present(
      await chooseAlternative(
        user,
        parseId(draftId, 'draftId'),
        parseBracketId(bracketId),
        option,
        ctx.collab,
        ctx.events,
      ),
    );
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who bracketed it (its delegation through `delegation`); null if unknown',
  })
  async by(@Root() b: BracketData, @Ctx() ctx: Context) {
    if (!b.byId) return null;
    return present(await ctx.loaders.user.load(new Types.ObjectId(b.byId)));
  }
}

@Resolver(() => Draft)
export class DraftBracketsResolver {
  @FieldResolver(() => [Bracket], {
    description: 'Its open brackets, in the order they appear in the text',
    complexity: listCost(2),
  })
  brackets(@Root() d: DraftRoot, @Ctx() ctx: Context): Promise<BracketData[]> {
    return listBrackets(d._id, ctx.collab);
  }

  @FieldResolver(() => Int, {
    description:
      'How many brackets are open in its text (written with its length and words, within seconds of an edit; at once when one is lifted)',
  })
  openBrackets(@Root() d: DraftRoot): number {
    return d.openBrackets ?? 0;
  }
}
