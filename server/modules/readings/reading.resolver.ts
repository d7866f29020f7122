import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import { Topic } from '../../pubsub/topics';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Presented, present, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import { ReadingOutcome, ReadingRound, ReadingState } from './reading.enums';
import type { DraftReadingDoc } from './reading.model';
import {
  endReading,
  findActiveReading,
  findReading,
  listOutcomes,
  listPastReadings,
  moveReading,
  recordReadingOutcome,
  startReading,
} from './reading.service';
import { Reading, ReadingOutcomeRecord } from './reading.type';
import type { ReadingOutcomeDoc } from './reading-outcome.model';

type ReadingRoot = Presented<DraftReadingDoc>;

@Resolver(() => Reading)
export class ReadingResolver {
  @Authorized()
  @Mutation(() => Reading, {
    description:
      'Starts a reading of the draft at its first numbered paragraph; for the Chair or the group coordinator, one at a time per draft, never on an adopted draft',
  })
  async startReading(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('round', () => ReadingRound) round: ReadingRound,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ReadingRoot> {
    return present(
      await startReading(user, parseId(draftId, 'draftId'), round, ctx.collab, ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => Reading, { description: 'Moves the reading under way to a paragraph' })
  async moveReading(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('paragraphId', () => ID) paragraphId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ReadingRoot> {
    return present(
      await moveReading(user, parseId(draftId, 'draftId'), paragraphId, ctx.collab, ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => Reading, {
    description:
      "Records what the room decided on a paragraph (it is in the draft's history) and moves the reading to the next paragraph",
  })
  async recordReadingOutcome(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('paragraphId', () => ID) paragraphId: string,
    @Arg('outcome', () => ReadingOutcome) outcome: ReadingOutcome,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ReadingRoot> {
    return present(
      await recordReadingOutcome(
        user,
        parseId(draftId, 'draftId'),
        paragraphId,
        outcome,
        ctx.collab,
        ctx.events,
      ),
    );
  }

  @Authorized()
  @Mutation(() => Reading, { description: 'Ends the reading under way' })
  async endReading(
    @Arg('draftId', () => ID) draftId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ReadingRoot> {
    return present(await endReading(user, parseId(draftId, 'draftId'), ctx.events));
  }

  @Subscription(() => Reading, {
    nullable: true,
    description:
      "The draft's reading each time it starts, moves, records an outcome or ends (state ENDED)",
    subscribe: subscribeTo(Topic.ReadingChanged, (args) =>
      parseId(args.draftId, 'draftId').toHexString(),
    ),
  })
  async readingChanged(
    @Root() event: { draftId: string; readingId: string },
    @Arg('draftId', () => ID) _draftId: string,
  ): Promise<ReadingRoot | null> {
    return present(await findReading(parseId(event.readingId, 'readingId')));
  }

  @FieldResolver(() => ID)
  draftId(@Root() r: ReadingRoot): string {
    return r.draftId.toHexString();
  }

  @FieldResolver(() => ReadingState)
  state(@Root() r: ReadingRoot): ReadingState {
    return r.state as ReadingState;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who started it (null if that account no longer exists)',
  })
  async startedBy(@Root() r: ReadingRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(r.startedById));
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who ended it' })
  async endedBy(@Root() r: ReadingRoot, @Ctx() ctx: Context) {
    return r.endedById ? present(await ctx.loaders.user.load(r.endedById)) : null;
  }

  @FieldResolver(() => [ReadingOutcomeRecord], {
    description: 'One per paragraph decided, in the order they were recorded',
  })
  outcomes(@Root() r: ReadingRoot): Promise<ReadingOutcomeDoc[]> {
    return listOutcomes(r._id);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      'The lasting id of the paragraph under reading; null once the last one has been read, and once ended',
  })
  paragraphId(@Root() r: ReadingRoot): string | null {
    return r.state === ReadingState.ENDED ? null : (r.paragraphId ?? null);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Its number when the reading moved to it; null when paragraphId is',
  })
  paragraphNumber(@Root() r: ReadingRoot): number | null {
    return r.state === ReadingState.ENDED ? null : (r.paragraphNumber ?? null);
  }
}

@Resolver(() => ReadingOutcomeRecord)
export class ReadingOutcomeRecordResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who recorded it (null if that account no longer exists)',
  })
  async by(@Root() o: ReadingOutcomeDoc, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(o.byId));
  }
}

@Resolver(() => Draft)
export class DraftReadingsResolver {
  @FieldResolver(() => Reading, {
    nullable: true,
    description: 'The reading under way, if any',
  })
  async reading(@Root() d: Presented<DraftDoc>): Promise<ReadingRoot | null> {
    return present(await findActiveReading(d._id));
  }

  @FieldResolver(() => [Reading], {
    description: 'Its past (ended) readings, newest first (the last 50)',
    complexity: listCost(2),
  })
  async readings(@Root() d: Presented<DraftDoc>): Promise<ReadingRoot[]> {
    return presentAll(await listPastReadings(d._id));
  }
}
