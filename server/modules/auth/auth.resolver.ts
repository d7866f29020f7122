import { Arg, Args, Authorized, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import { OPEN_TO_GUESTS } from '../../graphql/auth-checker';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { present } from '../shared/present';
import { ChangePasswordArgs, LoginArgs } from './auth.inputs';
import { changePassword, login, logout } from './auth.service';
import { AuthPayload } from './auth.type';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Signs in; the token expires after SESSION_TTL_HOURS',
  })
  async login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() ctx: Context) {
    const result = await login(email, password, ctx.config.sessionTtlMs, ctx.events);
    return { token: result.token, expiresAt: result.expiresAt, user: present(result.user) };
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Mutation(() => Boolean, {
    description: 'Revokes this session token, or every session of the person',
  })
  async logout(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Arg('everywhere', () => Boolean, { defaultValue: false }) everywhere: boolean,
  ) {
    await logout(user, everywhere, ctx.events);
    return true;
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Mutation(() => Boolean, {
    description: 'Changes the password and signs out every other session',
  })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
    @Args(() => ChangePasswordArgs) args: ChangePasswordArgs,
  ) {
    await changePassword(user, args.currentPassword, args.newPassword, ctx.events);
    return true;
  }
}
