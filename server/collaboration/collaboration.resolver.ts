import { Types } from 'mongoose';
import type { SubscribeResolverData } from 'type-graphql';
import {
  Arg,
  Args,
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
import { requireSubscriber } from '../graphql/auth-checker';
import type { AuthUser, Context } from '../graphql/context';
import { CurrentUser } from '../graphql/current-user';
import { badInput } from '../graphql/errors';
import type { DraftDoc } from '../modules/drafts/draft.model';
import { findDraft } from '../modules/drafts/draft.service';
import { Draft } from '../modules/drafts/draft.type';
import { parseId } from '../modules/shared/ids';
import { Presented, present } from '../modules/shared/present';
import { EventQueue } from '../pubsub/iterate';
import type { DraftUpdateEvent as DraftUpdateEventData } from './collaboration';
import { ApplyDraftUpdateArgs } from './collaboration.inputs';
import {
  DraftUpdateAck,
  DraftUpdateEvent,
  PresenceEntry,
  PresenceEvent,
} from './collaboration.type';
import { plainText } from './document-state';
import { PresenceChange } from './presence';
import { encodeUpdate } from './update-codec';

type ArgsMap = Record<string, unknown>;
type SubscribeData = SubscribeResolverData<unknown, ArgsMap, Context>;

function clientIdArg(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 64)
    throw badInput('clientId must be at most 64 characters long.', 'clientId');
  return value;
}

function afterSeqArg(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 0)
    throw badInput('afterSeq must be a whole number, 0 or more.', 'afterSeq');
  return value as number;
}

@Resolver()
export class CollaborationResolver {
  @Authorized()
  @Mutation(() => DraftUpdateAck, {
    description: 'Stores a Yjs update of a draft; answers once it is durable',
  })
  // Checked by hand rather than by class-validator: this runs on every keystroke of every editor.
  async applyDraftUpdate(
    @Args(() => ApplyDraftUpdateArgs, { validate: false }) args: ApplyDraftUpdateArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<DraftUpdateAck> {
    const draftId = parseId(args.draftId, 'draftId');
    clientIdArg(args.clientId);
    const seq = await ctx.collab.applyUpdate(
      user,
      draftId,
      args.update,
      args.clientId ?? null,
      ctx.connectionId ?? `user:${user.id}`,
    );
    return { draftId: args.draftId, seq };
  }

  @Subscription(() => DraftUpdateEvent, {
    description:
      'Every stored update of a draft. With afterSeq (0 for all), first the ones after it, then a `synced` event, then live ones.',
    subscribe: async ({ args, context, info }: SubscribeData) => {
      requireSubscriber(context, info);
      const draftId = parseId(args.draftId, 'draftId');
      const afterSeq = afterSeqArg(args.afterSeq);
      const clientId = clientIdArg(args.clientId);
      await findDraft(draftId);
      const self =
        clientId !== null && context.connectionId
          ? { clientId, connectionId: context.connectionId }
          : null;
      return context.collab.stream(draftId, afterSeq, self);
    },
  })
  draftUpdates(
    @Root() event: DraftUpdateEventData,
    @Arg('draftId', () => ID) _draftId: string,
    @Arg('afterSeq', () => Int, { nullable: true }) _afterSeq: number | undefined,
    @Arg('clientId', () => String, {
      nullable: true,
      description:
        'The clientId this editor sends its updates with: its own live updates are not sent back to it on this connection',
    })
    _clientId: string | undefined,
    @Ctx() ctx: Context,
  ): DraftUpdateEvent {
    ctx.collab.delivered(event);
    return event;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Publishes the sender's awareness (presence) update for a draft",
  })
  async updatePresence(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('update', () => String) update: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const id = parseId(draftId, 'draftId');
    // A cursor moves every second per person: a draft already loaded here is not read again.
    if (!ctx.collab.isLoaded(id.toHexString())) await findDraft(id);
    ctx.collab.updatePresence(id.toHexString(), update, {
      userId: user.id,
      name: user.name,
      connectionId: ctx.connectionId,
    });
    return true;
  }

  @Subscription(() => PresenceEvent, {
    description:
      'Who is in a draft: first everyone present, then every change (joins, moves, leaves)',
    subscribe: async ({ args, context, info }: SubscribeData) => {
      requireSubscriber(context, info);
      const draftId = parseId(args.draftId, 'draftId');
      await findDraft(draftId);
      const id = draftId.toHexString();
      let unwatch = () => {};
      const queue = new EventQueue<PresenceChange>(() => unwatch());
      queue.push({ draftId: id, update: context.collab.presence.current(id) });
      unwatch = context.collab.presence.watch(id, (change) => queue.push(change));
      return queue;
    },
  })
  presence(
    @Root() change: PresenceChange,
    @Arg('draftId', () => ID) _draftId: string,
  ): PresenceEvent {
    return change;
  }
}

@Resolver(() => Draft)
export class DraftContentResolver {
  @FieldResolver(() => String, { description: 'The whole Yjs document as one base64 update' })
  async state(@Root() draft: Presented<DraftDoc>, @Ctx() ctx: Context): Promise<string> {
    return encodeUpdate((await ctx.loaders.draftState.load(draft._id)).state);
  }

  @FieldResolver(() => String, { description: 'Plain text of the draft, one block a line' })
  async text(@Root() draft: Presented<DraftDoc>, @Ctx() ctx: Context): Promise<string> {
    return plainText((await ctx.loaders.draftState.load(draft._id)).state);
  }

  @FieldResolver(() => Int, { description: 'Sequence number of the last stored update' })
  async seq(@Root() draft: Presented<DraftDoc>, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.draftState.load(draft._id)).seq;
  }

  @FieldResolver(() => [PresenceEntry], { description: 'Who has the draft open now' })
  async editors(@Root() draft: Presented<DraftDoc>, @Ctx() ctx: Context) {
    const entries = ctx.collab.presence.entries(draft.id);
    const users = await ctx.loaders.user.loadMany(
      entries.map((e) => new Types.ObjectId(e.owner.userId)),
    );
    return entries.flatMap(({ owner, state }, i) => {
      const user = users[i];
      return user && !(user instanceof Error)
        ? [{ clientId: owner.clientId, user: present(user), state: JSON.stringify(state) }]
        : [];
    });
  }
}
