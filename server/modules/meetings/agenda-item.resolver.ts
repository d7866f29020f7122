import type { Types } from 'mongoose';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { Presented, presentAll } from '../shared/present';
import { AgendaItemDoc, SubItemDoc } from './meeting.model';
import { agendaItemAbilities } from './meeting.policy';
import { AgendaItem, AgendaItemAbilities, AgendaSubItem } from './meeting.type';

/** The linked drafts, in the order the item names them (one batched read per request). */
async function linkedDrafts(ids: Types.ObjectId[] | undefined, ctx: Context) {
  if (!ids?.length) return [];
  const drafts = await ctx.loaders.draft.loadMany(ids);
  // A draft deleted since it was linked is left out rather than failing the calendar.
  return presentAll(drafts.filter((d): d is DraftDoc => !!d && !(d instanceof Error)));
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => [AgendaSubItem])
  subItems(@Root() item: Presented<AgendaItemDoc>) {
    return presentAll([...item.subItems].sort((a, b) => a.order - b.order));
  }

  @FieldResolver(() => [Draft], { description: 'Drafts the item is about' })
  drafts(@Root() item: Presented<AgendaItemDoc>, @Ctx() ctx: Context) {
    return linkedDrafts(item.draftIds, ctx);
  }

  @FieldResolver(() => AgendaItemAbilities)
  can(@CurrentUser({ optional: true }) user: AuthUser | null): AgendaItemAbilities {
    return agendaItemAbilities(user);
  }

  @FieldResolver(() => Int, { description: 'Comments neither resolved nor deleted' })
  openComments(@Root() item: Presented<AgendaItemDoc>, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.openCommentCount.load(item._id);
  }
}

@Resolver(() => AgendaSubItem)
export class AgendaSubItemResolver {
  @FieldResolver(() => [Draft], { description: 'Drafts the sub-item is about' })
  drafts(@Root() item: Presented<SubItemDoc>, @Ctx() ctx: Context) {
    return linkedDrafts(item.draftIds, ctx);
  }
}
