import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Language, pick } from '../shared/localized';
import { Presented, presentAll } from '../shared/present';
import { AgendaItemDoc, SubItemDoc } from './meeting.model';
import { agendaItemAbilities } from './meeting.policy';
import { AgendaItem, AgendaItemAbilities, AgendaSubItem } from './meeting.type';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => String)
  title(@Root() item: Presented<AgendaItemDoc>, @Arg('lang', () => Language, { nullable: true }) lang?: Language): string {
    return pick(item.title, lang);
  }

  @FieldResolver(() => [AgendaSubItem])
  subItems(@Root() item: Presented<AgendaItemDoc>) {
    return presentAll([...item.subItems].sort((a, b) => a.order - b.order));
  }

  @FieldResolver(() => AgendaItemAbilities)
  can(@Ctx() ctx: Context): AgendaItemAbilities {
    return agendaItemAbilities(ctx.user);
  }

  @FieldResolver(() => Int, { description: 'Comments neither resolved nor deleted' })
  openComments(@Root() item: Presented<AgendaItemDoc>, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.openCommentCount.load(item._id);
  }
}

@Resolver(() => AgendaSubItem)
export class AgendaSubItemResolver {
  @FieldResolver(() => String)
  title(@Root() item: Presented<SubItemDoc>, @Arg('lang', () => Language, { nullable: true }) lang?: Language): string {
    return pick(item.title, lang);
  }
}
