import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../modules/users/user.type';

@ObjectType({ description: 'The answer to applyDraftUpdate, sent only once the update is stored' })
export class DraftUpdateAck {
  @Field(() => ID)
  draftId!: string;

  @Field(() => Int, { description: "Position of the update in the draft's log" })
  seq!: number;
}

@ObjectType({
  description:
    'An update of a draft: live (durable false, seq 0) as soon as it is accepted, then a stored mark for seqs firstSeq..seq whose update holds only what was not sent live to this subscriber',
})
export class DraftUpdateEvent {
  @Field(() => ID)
  draftId!: string;

  @Field(() => Int, {
    description: 'The last seq this event stands for; 0 for a live update not stored yet',
  })
  seq!: number;

  @Field(() => Int, {
    description:
      'The first seq this event stands for (one write may store several updates); 0 for a live update',
  })
  firstSeq!: number;

  @Field(() => Boolean, {
    description: 'False for a live update sent to the editors before it is stored',
  })
  durable!: boolean;

  @Field(() => String, {
    description: 'base64 Yjs update (the merged snapshot for compacted history)',
  })
  update!: string;

  @Field(() => String, {
    nullable: true,
    description: 'clientId given by the sender; null for a snapshot',
  })
  clientId!: string | null;

  @Field(() => Boolean, {
    description: 'The update is a snapshot standing in for every update up to seq',
  })
  snapshot!: boolean;

  @Field(() => Boolean, {
    description: 'Marks the end of a replay: everything stored up to seq has been sent',
  })
  synced!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'On the synced event: the state vector (base64) of the stored document; an editor sends the server what it has beyond it',
  })
  stateVector?: string | null;
}

@ObjectType({ description: 'A change of who is in a draft and where their cursor is' })
export class PresenceEvent {
  @Field(() => ID)
  draftId!: string;

  @Field(() => String, { description: 'base64 y-protocols awareness update' })
  update!: string;
}

@ObjectType({ description: 'Someone in a draft now' })
export class PresenceEntry {
  // Yjs client ids are unsigned 32-bit, beyond GraphQL's Int.
  @Field(() => Float, { description: 'Yjs client id of their editor (unsigned 32-bit)' })
  clientId!: number;

  @Field(() => User)
  user!: User;

  @Field(() => String, { description: 'Their awareness state as JSON (name, colour, cursor)' })
  state!: string;
}
