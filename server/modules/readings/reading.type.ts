import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReadingOutcome, ReadingRound, ReadingState } from './reading.enums';

@ObjectType({ description: 'What the room decided on one paragraph during a reading, when' })
export class ReadingOutcomeRecord {
  @Field(() => ID, { description: "The paragraph's lasting id" })
  paragraphId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Its number when the outcome was recorded (numbers move as the text changes)',
  })
  paragraphNumber!: number | null;

  @Field(() => ReadingOutcome)
  outcome!: ReadingOutcome;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({
  description:
    "A Chair's reading of a draft, paragraph by paragraph: everyone's editor may follow the paragraph under reading",
})
export class Reading {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  draftId!: string;

  @Field(() => ReadingRound)
  round!: ReadingRound;

  @Field(() => ReadingState)
  state!: ReadingState;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;
}
