import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the signed-in person may do with the Committee as a whole' })
export class CommitteeAbilities {
  @Field(() => Boolean, { description: 'Create meetings (createMeeting)' })
  createMeeting!: boolean;

  @Field(() => Boolean, {
    description:
      "Compile the report on the comprehensive review from the groups' drafts (compileReport)",
  })
  compileReport!: boolean;
}

@ObjectType({
  description: 'The Security Council Committee established pursuant to resolution 1540 (2004)',
})
export class Committee {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  resolution!: string;

  @Field(() => Int, { description: 'Number of the programme of work (19th: 2020-2021)' })
  programmeNumber!: number;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => Date)
  periodEnd!: Date;

  @Field(() => String)
  chairName!: string;

  @Field(() => Date, { description: 'End of the mandate (resolution 1977 (2011))' })
  mandateEnd!: Date;

  @Field(() => Date, { description: 'When the comprehensive review report is due to the Council' })
  reviewReportDue!: Date;
}
