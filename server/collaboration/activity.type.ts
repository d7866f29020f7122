import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Stored edits of a draft on one day (UTC)' })
export class DraftActivityDay {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  edits!: number;
}
