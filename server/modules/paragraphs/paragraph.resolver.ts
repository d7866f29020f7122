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
  Subscription,
} from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import type { ParagraphsChangedPayload } from '../../pubsub/topics';
import { Topic } from '../../pubsub/topics';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { type Presented, present } from '../shared/present';
import { User } from '../users/user.type';
import type { ParagraphData } from './paragraph.data';
import { ParagraphStatus } from './paragraph.enums';
import { listParagraphs, paragraphSummary, setParagraphStatus } from './paragraph.service';
import { Paragraph, ParagraphsChange } from './paragraph.type';

type DraftRoot = Presented<DraftDoc>;

@Resolver(() => Paragraph)
export class ParagraphResolver {
  @Authorized()
  @Mutation(() => Paragraph, {
    description:
      "Sets where a paragraph stands; AGREED and AGREED_AD_REF lock its text for all but those who may set it. For the group's coordinator, the Chair and the Secretariat; never on an adopted draft",
  })
  async setParagraphStatus(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('paragraphId', () => ID) paragraphId: string,
    @Arg('status', () => ParagraphStatus) status: ParagraphStatus,
    @Arg('confirmBy', () => Date, {
      nullable: true,
      description: 'Required for AGREED_AD_REF: the date capitals are to confirm by',
    })
    confirmBy: Date | null | undefined,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ParagraphData> {
    return setParagraphStatus(
      user,
      { draftId: parseId(draftId, 'draftId'), paragraphId, status, confirmBy: confirmBy ?? null },
      ctx.collab,
      ctx.events,
    );
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who set its status last' })
  async setBy(@Root() p: ParagraphData, @Ctx() ctx: Context) {
    if (!p.setById) return null;
    const user = await ctx.loaders.user.load(p.setById);
    return user ? present(user) : null;
  }

  @Subscription(() => ParagraphsChange, {
    description: "A paragraph's status was set in this draft (read `Draft.paragraphs` again)",
    subscribe: subscribeTo(Topic.ParagraphsChanged, (args) =>
      parseId(args.draftId, 'draftId').toHexString(),
    ),
  })
  paragraphsChanged(
    @Root() change: ParagraphsChangedPayload,
    @Arg('draftId', () => ID) _draftId: string,
  ): ParagraphsChange {
    return { ...change, status: change.status as ParagraphStatus };
  }
}

@Resolver(() => Draft)
export class DraftParagraphsResolver {
  @FieldResolver(() => [Paragraph], {
    description:
      'Its top-level blocks in order, with their lasting ids and statuses (blocks without an id are given one now)',
    complexity: listCost(2),
  })
  paragraphs(
    @Root() d: DraftRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
    @Ctx() ctx: Context,
  ): Promise<ParagraphData[]> {
    return listParagraphs(user, d, ctx.collab);
  }

  @FieldResolver(() => Int, {
    description:
      'Paragraphs agreed, ad referendum included (headings and empty blocks are not counted)',
  })
  async paragraphsAgreed(@Root() d: DraftRoot, @Ctx() ctx: Context): Promise<number> {
    return (await paragraphSummary(d._id, ctx.collab)).agreed;
  }

  @FieldResolver(() => Int, {
    description: 'Paragraphs that count towards agreement (headings and empty blocks do not)',
  })
  async paragraphsTotal(@Root() d: DraftRoot, @Ctx() ctx: Context): Promise<number> {
    return (await paragraphSummary(d._id, ctx.collab)).total;
  }

  @FieldResolver(() => Int, {
    description: 'Paragraphs agreed ad referendum, awaiting confirmation from capitals',
  })
  async adRefPending(@Root() d: DraftRoot, @Ctx() ctx: Context): Promise<number> {
    return (await paragraphSummary(d._id, ctx.collab)).adRefPending;
  }
}
