import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { OPEN_TO_GUESTS } from '../../graphql/auth-checker';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import type { CommentDoc } from '../comments/comment.model';
import { parseId } from '../shared/ids';
import { pick } from '../shared/localized';
import { Language } from '../shared/localized.enums';
import { consultationPolicy } from './consultation.policy';
import { isOpen } from './consultation.service';
import { ConsultationComment } from './consultation.type';
import {
  editConsultationComment,
  withdrawConsultationComment,
} from './consultation-comments.service';

@Resolver(() => ConsultationComment)
export class ConsultationCommentResolver {
  @FieldResolver(() => ID)
  id(@Root() c: CommentDoc): string {
    return c._id.toHexString();
  }

  @FieldResolver(() => String)
  body(@Root() c: CommentDoc): string {
    return c.body ?? '';
  }

  @FieldResolver(() => Int, { nullable: true })
  paragraph(@Root() c: CommentDoc): number | null {
    return c.paragraphNumber ?? null;
  }

  @FieldResolver(() => String)
  async authorName(@Root() c: CommentDoc, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.user.load(c.authorId))?.name ?? '—';
  }

  @FieldResolver(() => String, { nullable: true })
  async delegationName(
    @Root() c: CommentDoc,
    @Ctx() ctx: Context,
    @Arg('lang', () => Language, { nullable: true }) lang?: Language,
  ): Promise<string | null> {
    const author = await ctx.loaders.user.load(c.authorId);
    if (!author?.delegationId) return null;
    const delegation = await ctx.loaders.delegation.load(author.delegationId);
    return delegation ? pick(delegation.name, lang) : null;
  }

  @FieldResolver(() => Boolean)
  mine(@Root() c: CommentDoc, @CurrentUser({ optional: true }) user: AuthUser | null): boolean {
    return !!user && c.authorId.equals(user._id);
  }

  @FieldResolver(() => Boolean, {
    description:
      'The signed-in person may edit or withdraw it (editConsultationComment, withdrawConsultationComment): its author, while the consultation is open',
  })
  async canChange(
    @Root() c: CommentDoc,
    @Ctx() ctx: Context,
    @CurrentUser({ optional: true }) user: AuthUser | null,
  ): Promise<boolean> {
    if (!user || !c.consultationId) return false;
    const consultation = await ctx.loaders.consultation.load(c.consultationId);
    return (
      !!consultation && consultationPolicy.changeComment(user, c, { open: isOpen(consultation) })
    );
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Mutation(() => ConsultationComment, {
    description:
      'Its author’s new wording of their comment in a consultation (marked edited); refused once closed',
  })
  editConsultationComment(
    @Arg('id', () => ID) id: string,
    @Arg('body', () => String) body: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<CommentDoc> {
    return editConsultationComment(user, parseId(id), body, ctx.events);
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Mutation(() => ConsultationComment, {
    description:
      'Its author takes their comment in a consultation back (it leaves the list); refused once closed',
  })
  withdrawConsultationComment(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<CommentDoc> {
    return withdrawConsultationComment(user, parseId(id), ctx.events);
  }
}
