import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { Presented, presentAll } from '../shared/present';
import { AgendaItemDoc } from './meeting.model';
import { agendaItemAbilities } from './meeting.policy';
import { AgendaItem, AgendaItemAbilities, AgendaSubItem } from './meeting.type';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => [AgendaSubItem])
  subItems(@Root() item: Presented<AgendaItemDoc>) {
    return presentAll([...item.subItems].sort((a, b) => a.order - b.order));
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
