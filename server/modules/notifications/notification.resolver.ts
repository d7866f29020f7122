import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { authorize } from '../../core/authorize';
import { requireUser } from '../../graphql/auth-checker';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import { Topic } from '../../pubsub/topics';
import { parseId } from '../shared/ids';
import { localizedTextResolver } from '../shared/localized-text.resolver';
import { present } from '../shared/present';
import { mentionCandidates } from './mention.service';
import { NotificationPreferencesInput } from './notification.inputs';
import type { NotificationDoc } from './notification.model';
import { notificationPolicy } from './notification.policy';
import * as notifications from './notification.service';
import { MentionCandidate, Notification, NotificationPreferences } from './notification.type';

const presentNotification = (n: NotificationDoc) => ({
  ...present(n),
  draftId: n.draftId?.toHexString() ?? null,
  commentId: n.commentId?.toHexString() ?? null,
});
type NotificationRoot = ReturnType<typeof presentNotification>;

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], {
    description: 'Your notifications, newest first (first: 1 to 100, 20 by default)',
    complexity: listCost(20),
  })
  async notifications(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @CurrentUser() user: AuthUser,
    @Arg('before', () => ID, {
      nullable: true,
      description: 'Only those older than this one of yours (the next page)',
    })
    before?: string | null,
  ): Promise<NotificationRoot[]> {
    const page = await notifications.listNotifications(
      user,
      first,
      before ? parseId(before, 'before') : null,
    );
    return page.map(presentNotification);
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of your notifications are unread' })
  unreadNotificationCount(@CurrentUser() user: AuthUser): Promise<number> {
    return notifications.unreadCount(user);
  }

  @Authorized()
  @Mutation(() => Int, {
    description:
      'Marks your notifications read: those named (others’ ids are ignored), or all of them when ids is left out. Returns how many are still unread',
  })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return notifications.markRead(
      user,
      ids ? ids.map((id) => parseId(id, 'ids')) : null,
      ctx.events,
    );
  }

  @Authorized()
  @Query(() => NotificationPreferences, { description: 'What you are notified of, and how' })
  notificationPreferences(@CurrentUser() user: AuthUser) {
    return notifications.getPreferences(user);
  }

  @Authorized()
  @Mutation(() => NotificationPreferences, {
    description: 'Chooses the kinds you are notified of, and whether by e-mail as well',
  })
  setNotificationPreferences(
    @Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput,
    @CurrentUser() user: AuthUser,
  ) {
    return notifications.setPreferences(user, input);
  }

  @Authorized()
  @Query(() => [MentionCandidate], {
    description:
      'Names an @mention in a comment can use (people and delegations) matching what follows the @',
  })
  mentionCandidates(
    @Arg('search', () => String) search: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ) {
    return mentionCandidates(search, first);
  }

  @Subscription(() => Notification, {
    description: 'Your new notifications, as they are sent',
    subscribe: subscribeTo(Topic.NotificationAdded, (_args, ctx) => requireUser(ctx).id),
  })
  notificationAdded(@Root() n: NotificationDoc, @CurrentUser() user: AuthUser): NotificationRoot {
    // Routed by the person's id already; stated here too, as notices are private.
    authorize(notificationPolicy.read(user, n), 'This notification is not yours.');
    return presentNotification(n);
  }

  @Subscription(() => Int, {
    description:
      'How many of your notifications are unread, each time you mark some read (in another window too)',
    subscribe: subscribeTo(Topic.NotificationsRead, (_args, ctx) => requireUser(ctx).id),
  })
  unreadNotificationCountChanged(@Root() payload: { unread: number }): number {
    return payload.unread;
  }
}

export const NotificationTextResolver = localizedTextResolver(Notification, 'text', {
  description: 'What happened, in the language asked for (English by default)',
});
