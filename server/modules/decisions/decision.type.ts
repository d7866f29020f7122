import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecisionKind } from './decision.enums';

@ObjectType({
  description:
    'A decision taken on the text during negotiation (a proposal accepted, a paragraph agreed, an outcome of a reading, brackets lifted), as the history lists it',
})
export class DraftDecision {
  @Field(() => ID)
  id!: string;

  @Field(() => DecisionKind)
  kind!: DecisionKind;

  @Field(() => String, { nullable: true, description: "The paragraph's lasting id, if about one" })
  paragraphId!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The paragraph's number when the decision was taken",
  })
  paragraphNumber!: number | null;

  @Field(() => String, {
    description: 'What was decided, as a value the client words (a status, a round, an option)',
  })
  detail!: string;

  @Field(() => String, { description: 'The passage concerned, when there is one; else empty' })
  text!: string;

  @Field(() => Date)
  at!: Date;
}
