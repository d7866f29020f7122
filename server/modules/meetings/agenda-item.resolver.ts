import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { commentPolicy } from '../comments/comment.policy';
import { Language, pick } from '../shared/localized';
import { Presented, presentAll } from '../shared/present';
import { AgendaItemDoc, SubItemDoc } from './meeting.model';
import { AgendaItem, AgendaSubItem } from './meeting.type';

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

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in person may comment on the item' })
  canComment(@Ctx() ctx: Context): boolean {
    return ctx.user ? commentPolicy.addOnAgenda(ctx.user) : false;
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
