import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import type { Presented } from '../shared/present';
import type { TextChangeData } from '../versions/compare';
import { DraftComparison } from '../versions/version.type';
import { changesSinceLastVisit, compareSinceLastVisit, markDraftSeen } from './visit.service';

type DraftRoot = Presented<DraftDoc>;

@Resolver()
export class DraftVisitResolver {
  // The draft page calls this when the person leaves it (closing the page, going elsewhere), not
  // when they open it: opening must not overwrite the visit the page is about to compare with
  // ("Changed since your last visit"), and what a person has seen is what was in front of them
  // until they left, live edits included. Recording from the draftUpdates subscription would also
  // count a tab left open in the background as a visit, and would tie the co-editing stream to it.
  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Records that you have seen the draft as it is now (your last visit: when, and its text, to show later what changed since). Only ever your own; a later visit already recorded is kept. Always true',
  })
  markDraftSeen(
    @Arg('draftId', () => ID) draftId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return markDraftSeen(user, parseId(draftId, 'draftId'), ctx.collab, ctx.events);
  }

  @Authorized()
  @Query(() => DraftComparison, {
    description:
      'What changed in the draft from the text as you last saw it (see markDraftSeen) to the current text, word by word, with who inserted and who deleted each passage; NOT_FOUND when you have never visited it',
  })
  compareDraftSinceMyLastVisit(
    @Arg('draftId', () => ID) draftId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<{ changes: TextChangeData[] }> {
    return compareSinceLastVisit(user, parseId(draftId, 'draftId'), ctx.collab);
  }
}

@Resolver(() => Draft)
export class DraftVisitFieldsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "How many changes others made since your last visit (markDraftSeen); null when you have never visited it (all of it is new to you), and for the signed out. A change is a stored update not sent by you (an editor sends a person's typing in batches of a fraction of a second each); once compaction has merged the log, they are counted from the automatic history (`revisions`). Your own edits never count",
  })
  async changesSinceMyLastVisit(
    @Root() d: DraftRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    if (!user) return null;
    const visit = await ctx.loaders.lastVisit.load({ userId: user._id, draftId: d._id });
    return changesSinceLastVisit(user, d._id, visit, ctx.collab);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When you last visited it (markDraftSeen); null if never, and for the signed out',
  })
  async myLastVisitAt(
    @Root() d: DraftRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
    @Ctx() ctx: Context,
  ): Promise<Date | null> {
    if (!user) return null;
    return (await ctx.loaders.lastVisit.load({ userId: user._id, draftId: d._id }))?.seenAt ?? null;
  }
}
