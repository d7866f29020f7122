import mongoose from 'mongoose';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { badInput } from '../graphql/errors';
import type { DraftDoc } from '../modules/drafts/draft.model';
import { Draft } from '../modules/drafts/draft.type';
import { Presented, present } from '../modules/shared/present';
import { User } from '../modules/users/user.type';
import { DraftActivityModel } from './activity.model';
import { DraftActivityDay } from './activity.type';
import { utcDay } from './edit-activity';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 90;

type DraftRoot = Presented<DraftDoc>;

@Resolver(() => Draft)
export class DraftActivityResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When its text was last edited' })
  lastEditedAt(@Root() d: DraftRoot): Date | null {
    return d.lastEditedAt ?? null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who edited its text last' })
  async lastEditedBy(@Root() d: DraftRoot, @Ctx() ctx: Context) {
    return d.lastEditedById ? present(await ctx.loaders.user.load(d.lastEditedById)) : null;
  }

  @FieldResolver(() => Int, {
    description: 'Characters of its text (updated within a second of an edit)',
  })
  length(@Root() d: DraftRoot): number {
    return d.textLength ?? 0;
  }

  @FieldResolver(() => Int, {
    description: 'Words of its text (updated within a second of an edit)',
  })
  words(@Root() d: DraftRoot): number {
    return d.wordCount ?? 0;
  }

  @FieldResolver(() => [DraftActivityDay], {
    description: 'Edits per day over the last `days` days (UTC), oldest first, today last',
  })
  async activity(
    @Root() d: DraftRoot,
    @Arg('days', () => Int, { defaultValue: 14 }) days: number,
  ): Promise<DraftActivityDay[]> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw badInput(`days must be between 1 and ${MAX_DAYS}.`, 'days');
    const now = Date.now();
    const wanted = Array.from({ length: days }, (_, i) =>
      utcDay(new Date(now - (days - 1 - i) * DAY_MS)),
    );
    const rows = await DraftActivityModel.find(
      { draftId: d._id, day: mongoose.trusted({ $gte: wanted[0] }) },
      { day: 1, edits: 1 },
    ).lean();
    const byDay = new Map(rows.map((r) => [r.day, r.edits]));
    return wanted.map((day) => ({ day, edits: byDay.get(day) ?? 0 }));
  }
}
