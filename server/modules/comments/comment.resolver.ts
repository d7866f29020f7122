import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import { Topic } from '../../pubsub/topics';
import { parseId } from '../shared/ids';
import { present } from '../shared/present';
import { User } from '../users/user.type';
import { CommentTargetType } from './comment.enums';
import { AddCommentInput } from './comment.inputs';
import type { CommentDoc } from './comment.model';
import { commentAbilities } from './comment.policy';
import { CommentRoot, presentComment } from './comment.presenter';
import * as comments from './comment.service';
import { Comment, CommentAbilities } from './comment.type';
import { resolveTarget } from './comment-target';

// Subscribing checks the target exists, so a typo is an error, not a silent empty stream.
const routeToTarget = async (args: Record<string, unknown>) =>
  (await resolveTarget(parseId(args.targetId, 'targetId'))).id.toHexString();

@Resolver(() => Comment)
export class CommentResolver {
  @Authorized()
  @Query(() => [Comment], {
    complexity: listCost(20),
    description: 'Comments on an agenda item or a draft, oldest first',
  })
  async comments(
    @Arg('targetId', () => ID) targetId: string,
    @Arg('includeResolved', () => Boolean, { defaultValue: true }) includeResolved: boolean,
  ): Promise<CommentRoot[]> {
    return (await comments.listComments(parseId(targetId, 'targetId'), includeResolved)).map(
      presentComment,
    );
  }

  @Authorized()
  @Mutation(() => Comment)
  async addComment(
    @Arg('input', () => AddCommentInput) input: AddCommentInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<CommentRoot> {
    return presentComment(await comments.addComment(user, input, ctx.events));
  }

  @Authorized()
  @Mutation(() => Comment)
  async editComment(
    @Arg('id', () => ID) id: string,
    @Arg('body', () => String) body: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return presentComment(await comments.editComment(user, parseId(id), body, ctx.events));
  }

  @Authorized()
  @Mutation(() => Comment)
  async deleteComment(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return presentComment(await comments.deleteComment(user, parseId(id), ctx.events));
  }

  @Authorized()
  @Mutation(() => Comment)
  async resolveComment(
    @Arg('id', () => ID) id: string,
    @Arg('resolved', () => Boolean, { defaultValue: true }) resolved: boolean,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return presentComment(await comments.resolveComment(user, parseId(id), resolved, ctx.events));
  }

  @Subscription(() => Comment, {
    description: 'New comments on an agenda item or a draft',
    subscribe: subscribeTo(Topic.CommentAdded, routeToTarget),
  })
  commentAdded(
    @Root() comment: CommentDoc,
    @Arg('targetId', () => ID) _targetId: string,
  ): CommentRoot {
    return presentComment(comment);
  }

  @Subscription(() => Comment, {
    description: 'Edits, deletions and resolutions of comments on an agenda item or a draft',
    subscribe: subscribeTo(Topic.CommentChanged, routeToTarget),
  })
  commentChanged(
    @Root() comment: CommentDoc,
    @Arg('targetId', () => ID) _targetId: string,
  ): CommentRoot {
    return presentComment(comment);
  }

  @FieldResolver(() => User, { nullable: true })
  async author(@Root() c: CommentRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(c.authorId));
  }

  @FieldResolver(() => CommentAbilities)
  async can(
    @Root() c: CommentRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
    @Ctx() ctx: Context,
  ): Promise<CommentAbilities> {
    const anywhere = commentAbilities(user, c, { kind: 'agendaItem' });
    // On a draft, its group may add the right to resolve (its coordinator); the draft is read only
    // when that can change the answer: every subscriber computes this for every comment event.
    if (!user || anywhere.resolve || c.targetType === CommentTargetType.AGENDA_ITEM)
      return anywhere;
    // A proposal's thread is under its draft's rules (its container).
    const draft = await ctx.loaders.draft.load(c.containerId);
    return draft ? commentAbilities(user, c, { kind: 'draft', draft }) : anywhere;
  }

  @FieldResolver(() => User, { nullable: true })
  async resolvedBy(@Root() c: CommentRoot, @Ctx() ctx: Context) {
    return c.resolvedById ? present(await ctx.loaders.user.load(c.resolvedById)) : null;
  }
}
