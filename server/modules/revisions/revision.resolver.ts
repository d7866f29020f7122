import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Delegation } from '../delegations/delegation.type';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { Presented, present } from '../shared/present';
import { User } from '../users/user.type';
import { type DraftRevisionDoc, isOpen } from './revision.model';
import { DEFAULT_PAGE_SIZE, listRevisions } from './revision.service';
import { DraftRevision, DraftRevisionPage } from './revision.type';

type RevisionRoot = Presented<DraftRevisionDoc>;

interface PageRoot {
  nodes: RevisionRoot[];
  endCursor: string | null;
  hasMore: boolean;
}

@Resolver(() => DraftRevision)
export class DraftRevisionResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who made its edits; null if that account no longer exists',
  })
  async author(@Root() r: RevisionRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(r.userId));
  }

  @FieldResolver(() => Delegation, {
    nullable: true,
    description: "The author's delegation when it started; null for those without one",
  })
  async delegation(@Root() r: RevisionRoot, @Ctx() ctx: Context) {
    return r.delegationId ? present(await ctx.loaders.delegation.load(r.delegationId)) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True while its author may still extend it (their last edit is less than the gap ago and no version was made since)',
  })
  open(@Root() r: RevisionRoot): boolean {
    return isOpen(r);
  }
}

@Resolver(() => Draft)
export class DraftRevisionsResolver {
  @Authorized()
  @FieldResolver(() => DraftRevisionPage, {
    description:
      "Its automatic history: each person's runs of edits, newest first, a page at a time",
    complexity: ({ args, childComplexity }) =>
      1 + (typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE) * childComplexity,
  })
  async revisions(
    @Root() d: Presented<DraftDoc>,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: 'How many, 1 to 100',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the page before',
    })
    after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PageRoot> {
    const page = await listRevisions(d._id, first, after, ctx.collab);
    return { ...page, nodes: page.nodes.map((n) => present(n)) };
  }
}
