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
  Subscription,
} from 'type-graphql';
import { authorize } from '../../core/authorize';
import { GUEST_REFUSED } from '../../core/roles';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { badInput } from '../../graphql/errors';
import { subscribeTo } from '../../graphql/subscribe';
import { ALL, Topic } from '../../pubsub/topics';
import { parseId } from '../shared/ids';
import { Presented, present, presentAll } from '../shared/present';
import { WorkingGroup } from '../working-groups/working-group.type';
import { AgendaItemInput, CreateMeetingInput, UpdateMeetingInput } from './meeting.inputs';
import { MeetingDoc } from './meeting.model';
import { meetingAbilities, meetingPolicy } from './meeting.policy';
import * as meetings from './meeting.service';
import { AgendaItem, Meeting, MeetingAbilities, MeetingListChange } from './meeting.type';

type MeetingRoot = Presented<MeetingDoc>;

function monthRange(month: string): [Date, Date] {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw badInput('month must look like 2020-08.', 'month');
  const year = Number(match[1]);
  const m = Number(match[2]);
  return [new Date(Date.UTC(year, m - 1, 1)), new Date(Date.UTC(year, m, 1))];
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Authorized()
  @Query(() => [Meeting], {
    // A month holds a few meetings (Annex II: at most four); the whole programme a score or more.
    complexity: (c) => (c.args.month ? listCost(4)(c) : listCost(20)(c)),
    description: 'Meetings in date order; `month` (YYYY-MM) or `from`/`to` narrow them',
  })
  async meetings(
    @CurrentUser() user: AuthUser,
    @Arg('month', () => String, { nullable: true }) month?: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
  ): Promise<MeetingRoot[]> {
    authorize(meetingPolicy.read(user), GUEST_REFUSED);
    const [start, end] = month ? monthRange(month) : [from, to];
    return presentAll(await meetings.listMeetings(start, end));
  }

  @Authorized()
  @Query(() => Meeting)
  async meeting(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingRoot> {
    authorize(meetingPolicy.read(user), GUEST_REFUSED);
    return present(await meetings.findMeeting(parseId(id)));
  }

  @Authorized()
  @Mutation(() => Meeting)
  async createMeeting(
    @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return present(await meetings.createMeeting(user, input, ctx.events));
  }

  @Authorized()
  @Mutation(() => Meeting)
  async updateMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return present(await meetings.updateMeeting(user, parseId(id), input, ctx.events));
  }

  @Authorized()
  @Mutation(() => Boolean)
  async deleteMeeting(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    await meetings.deleteMeeting(user, parseId(id), ctx.events);
    return true;
  }

  @Authorized()
  @Mutation(() => Meeting, { description: 'Adds an item at `position` (from 1; default: last)' })
  async addAgendaItem(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => AgendaItemInput) input: AgendaItemInput,
    @Arg('position', () => Int, { nullable: true }) position: number | undefined,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return present(
      await meetings.addAgendaItem(
        user,
        parseId(meetingId, 'meetingId'),
        input,
        position,
        ctx.events,
      ),
    );
  }

  @Authorized()
  @Mutation(() => Meeting, {
    description:
      "Replaces an item's title, reference and sub-items (sub-items named by id keep their id)",
  })
  async updateAgendaItem(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('input', () => AgendaItemInput) input: AgendaItemInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return present(
      await meetings.updateAgendaItem(
        user,
        parseId(meetingId, 'meetingId'),
        parseId(itemId, 'itemId'),
        input,
        ctx.events,
      ),
    );
  }

  @Authorized()
  @Mutation(() => Meeting)
  async removeAgendaItem(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('itemId', () => ID) itemId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return present(
      await meetings.removeAgendaItem(
        user,
        parseId(meetingId, 'meetingId'),
        parseId(itemId, 'itemId'),
        ctx.events,
      ),
    );
  }

  @Authorized()
  @Mutation(() => Meeting)
  async moveAgendaItem(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('toOrder', () => Int) toOrder: number,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ) {
    return present(
      await meetings.moveAgendaItem(
        user,
        parseId(meetingId, 'meetingId'),
        parseId(itemId, 'itemId'),
        toOrder,
        ctx.events,
      ),
    );
  }

  @Subscription(() => Meeting, {
    description: 'The meeting, each time it or its agenda changes',
    subscribe: subscribeTo(Topic.AgendaChanged, (args) =>
      parseId(args.meetingId, 'meetingId').toHexString(),
    ),
  })
  agendaChanged(
    @Root() meeting: MeetingDoc,
    @Arg('meetingId', () => ID) _meetingId: string,
  ): MeetingRoot {
    return present(meeting);
  }

  @Subscription(() => MeetingListChange, {
    description: 'Each meeting created, changed (rescheduled too) or deleted',
    subscribe: subscribeTo(Topic.MeetingsChanged, () => ALL),
  })
  async meetingsChanged(
    @Root() event: { meetingId: string; deleted: boolean },
  ): Promise<{ meetingId: string; deleted: boolean; meeting: MeetingRoot | null }> {
    const meeting = event.deleted
      ? null
      : await meetings.findMeetingIfAny(parseId(event.meetingId, 'meetingId'));
    return { meetingId: event.meetingId, deleted: !meeting, meeting: present(meeting) };
  }

  @FieldResolver(() => String, { description: 'YYYY-MM of the meeting' })
  month(@Root() m: MeetingRoot): string {
    return m.date.toISOString().slice(0, 7);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true })
  async workingGroup(@Root() m: MeetingRoot, @Ctx() ctx: Context) {
    return m.workingGroupId ? present(await ctx.loaders.workingGroup.load(m.workingGroupId)) : null;
  }

  @FieldResolver(() => [AgendaItem], { complexity: listCost(5) })
  agenda(@Root() m: MeetingRoot) {
    return presentAll([...m.agenda].sort((a, b) => a.order - b.order));
  }

  @FieldResolver(() => MeetingAbilities)
  can(@CurrentUser({ optional: true }) user: AuthUser | null): MeetingAbilities {
    return meetingAbilities(user);
  }
}
