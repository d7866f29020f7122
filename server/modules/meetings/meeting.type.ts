import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MeetingKind } from './meeting.enums';

@ObjectType()
export class AgendaSubItem {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  order!: number;

  @Field(() => String, { nullable: true, description: 'Paragraph of the review modalities paper' })
  reference!: string | null;
}

@ObjectType({ description: 'What the signed-in person may do with an agenda item' })
export class AgendaItemAbilities {
  @Field(() => Boolean, { description: 'Comment on it (addComment)' })
  comment!: boolean;
}

@ObjectType({ description: 'What the signed-in person may do with a meeting' })
export class MeetingAbilities {
  @Field(() => Boolean, { description: 'Change it, its agenda, or delete it' })
  manage!: boolean;
}

@ObjectType()
export class AgendaItem {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Position on the agenda, from 1' })
  order!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Paragraph of the review modalities paper, e.g. "par. 6 c) i-iii)"',
  })
  reference!: string | null;
}

@ObjectType()
export class Meeting {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  date!: Date;

  @Field(() => Boolean, { description: 'True while only the month is fixed by the programme' })
  dateIsIndicative!: boolean;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => Int, { description: 'Grows by one with every change of the meeting or its agenda' })
  version!: number;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType({ description: 'A meeting was created, changed or deleted (for lists of meetings)' })
export class MeetingListChange {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => Boolean, { description: 'True when the meeting is gone' })
  deleted!: boolean;

  @Field(() => Meeting, {
    nullable: true,
    description: 'The meeting as it is now; null once deleted',
  })
  meeting!: Meeting | null;
}
