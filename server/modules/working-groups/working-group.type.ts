import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One of the four working groups of the comprehensive review' })
export class WorkingGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => Int, { description: 'Paragraph of the programme of work that sets its mandate' })
  paragraph!: number;
}
