import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the signed-in person may do in a working group' })
export class WorkingGroupAbilities {
  @Field(() => Boolean, { description: 'Start a draft for it (createDraft)' })
  createDraft!: boolean;

  @Field(() => Boolean, {
    description:
      'Assign delegations and people to it and name its coordinator (addWorkingGroupMember, …)',
  })
  manageMembers!: boolean;
}

@ObjectType({ description: 'One of the four working groups of the comprehensive review' })
export class WorkingGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => Int, { description: 'Paragraph of the programme of work that sets its mandate' })
  paragraph!: number;
}
