import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Extensions,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { authorize } from '../../core/authorize';
import { notFound } from '../../core/errors';
import { OPEN_TO_GUESTS, requireUser } from '../../graphql/auth-checker';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import { ALL, Topic } from '../../pubsub/topics';
import { auditPolicy } from '../audit/audit.policy';
import { AuthPayload } from '../auth/auth.type';
import { draftPolicy } from '../drafts/draft.policy';
import { parseId } from '../shared/ids';
import { present } from '../shared/present';
import { Role } from '../users/user.enums';
import type { UserDoc } from '../users/user.model';
import { AcceptInvitationArgs, InviteUserInput, UserAccessInput } from './account.inputs';
import { accountAbilities, accountPolicy } from './account.policy';
import {
  acceptInvitation,
  accountStatus,
  deactivateUser,
  type IssuedLink,
  inviteUser,
  listAccounts,
  mySessions,
  REFUSED,
  reactivateUser,
  resetUserPassword,
  revokeMySession,
  setUserAccess,
} from './account.service';
import { Account, Invitation, MyAccount } from './account.type';

function presentAccount(viewer: AuthUser, u: UserDoc) {
  return {
    id: u._id.toHexString(),
    user: present(u),
    status: accountStatus(u),
    deactivatedAt: u.deactivatedAt ?? null,
    can: accountAbilities(viewer, u),
  };
}

const presentLink = (link: IssuedLink) => ({
  url: link.url,
  expiresAt: link.expiresAt,
  kind: link.kind,
  user: present(link.user),
});

@Resolver()
export class AccountResolver {
  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Query(() => MyAccount, {
    description: 'Your own account: who you are, your sessions, your rights',
  })
  async myAccount(@CurrentUser() user: AuthUser, @Ctx() ctx: Context) {
    const [me, sessions] = await Promise.all([ctx.loaders.user.load(user._id), mySessions(user)]);
    return {
      user: present(me),
      sessions: sessions.map((s) => ({
        id: s._id.toHexString(),
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        ip: s.ip ?? null,
        current: s._id.equals(user.sessionId),
      })),
      can: {
        managePeople: accountPolicy.manage(user),
        readAuditLog: auditPolicy.read(user),
        readCommittee: draftPolicy.read(user),
      },
    };
  }

  @Authorized()
  @Query(() => [Account], {
    complexity: listCost(30),
    description: 'Every account (the Secretariat)',
  })
  async accounts(@CurrentUser() user: AuthUser) {
    return (await listAccounts(user)).map((u) => presentAccount(user, u));
  }

  @Subscription(() => Account, {
    description:
      'Each account created, changed or given a new link (the Secretariat: the People page follows it)',
    subscribe: subscribeTo(Topic.AccountChanged, (_args, context) => {
      authorize(accountPolicy.manage(requireUser(context)), REFUSED);
      return ALL;
    }),
  })
  async accountChanged(
    @Root() event: { userId: string },
    @CurrentUser() viewer: AuthUser,
    @Ctx() ctx: Context,
  ) {
    const person = await ctx.loaders.user.load(parseId(event.userId, 'userId'));
    if (!person) throw notFound('Account', event.userId);
    return presentAccount(viewer, person);
  }

  @Authorized()
  @Mutation(() => Invitation, {
    description: 'Invites a person: a one-time link valid 7 days, e-mailed when SMTP_URL is set',
  })
  async inviteUser(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('input', () => InviteUserInput) input: InviteUserInput,
  ) {
    const link = await inviteUser(
      user,
      {
        email: input.email,
        name: input.name,
        roles: input.roles as Role[],
        delegationId: input.delegationId ? parseId(input.delegationId, 'delegationId') : null,
        workingGroupIds: (input.workingGroupIds ?? []).map((id) => parseId(id, 'workingGroupIds')),
      },
      ctx.config.baseUrl(),
      ctx.events,
    );
    return presentLink(link);
  }

  @Mutation(() => AuthPayload, {
    description: 'Sets the password through a one-time link (invitation or reset) and signs in',
  })
  async acceptInvitation(
    @Args(() => AcceptInvitationArgs) { token, password }: AcceptInvitationArgs,
    @Ctx() ctx: Context,
  ) {
    const result = await acceptInvitation(token, password, ctx.config.sessionTtlMs, ctx.events);
    return { token: result.token, expiresAt: result.expiresAt, user: present(result.user) };
  }

  @Authorized()
  @Mutation(() => Invitation, {
    description: 'A password reset link for the person (or their invitation again), valid 7 days',
  })
  async resetUserPassword(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ) {
    return presentLink(
      await resetUserPassword(user, parseId(id), ctx.config.baseUrl(), ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => Account, {
    description: 'Ends every session of the person at once and refuses their sign-ins',
  })
  async deactivateUser(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ) {
    return presentAccount(user, await deactivateUser(user, parseId(id), ctx.events));
  }

  @Authorized()
  @Mutation(() => Account)
  async reactivateUser(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ) {
    return presentAccount(user, await reactivateUser(user, parseId(id), ctx.events));
  }

  @Authorized()
  @Mutation(() => Account, { description: "Changes a person's roles and delegation" })
  async setUserAccess(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('input', () => UserAccessInput) input: UserAccessInput,
  ) {
    const updated = await setUserAccess(
      user,
      {
        userId: parseId(input.userId, 'userId'),
        roles: input.roles as Role[],
        delegationId: input.delegationId ? parseId(input.delegationId, 'delegationId') : null,
      },
      ctx.events,
    );
    return presentAccount(user, updated);
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (another device)' })
  async revokeMySession(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ) {
    return revokeMySession(user, parseId(id), ctx.events);
  }
}
